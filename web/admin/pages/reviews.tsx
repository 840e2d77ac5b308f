// Review moderation: reviews from every channel's buyers, newest first, filtered by status (pending
// first: the queue), channel and rating; publish, or reject with a reason asked in a dialog. New
// reviews appear live.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import { ErrorNotice, LiveBadge, Pill, SelectField, TextAreaField, useLoad } from '../../ui/components.tsx';
import { LoadedTable, useAction } from '../../ui/data-table.tsx';
import { FormDialog } from '../../ui/form-dialog.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { Stars } from '../../ui/stars.tsx';
import { useLiveEvents } from '../../ui/use-live.ts';

type Status = 'pending' | 'published' | 'rejected';
/** What the reject dialog shows of the review it asks about. */
type Rejecting = {
  id: string;
  rating: number;
  productTitle: string;
  title: string | null;
  reviewerName: string;
};
const STATUSES: Status[] = ['pending', 'published', 'rejected'];
const tone = (s: Status) => (s === 'published' ? 'ok' : s === 'rejected' ? 'bad' : 'info');

export function ReviewsPage() {
  const intl = useIntl();
  const api = useApi();
  const [status, setStatus] = useState<Status | ''>('pending');
  const [channelId, setChannelId] = useState('');
  const [rating, setRating] = useState('');
  const [error, setError] = useState<unknown>(null);
  const channels = useLoad(() => ok(api.GET('/api/channels')), []);
  const reviews = useLoad(
    () =>
      ok(
        api.GET('/api/reviews', {
          params: {
            query: {
              limit: 100,
              ...(status ? { status } : {}),
              ...(channelId ? { channelId } : {}),
              ...(rating ? { rating: Number(rating) } : {}),
            },
          },
        }),
      ),
    [status, channelId, rating],
  );
  const live = useLiveEvents(['review.*'], () => reviews.reload());
  const channelName = (id: string) => channels.data?.items.find((c) => c.id === id)?.name ?? id;
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try {
      await call();
      reviews.reload();
    } catch (e) {
      setError(e);
    }
  };
  const publish = (id: string) =>
    act(() => ok(api.POST('/api/reviews/{id}/publish', { params: { path: { id } } })));
  // Rejecting asks the reason in the page's own dialog; a refusal stays in it, naming the field.
  const [rejecting, setRejecting] = useState<Rejecting | null>(null);
  return (
    <section aria-labelledby="reviews-title">
      <div className="spread">
        <h1 id="reviews-title">{intl.t('reviews.admin.title')}</h1>
        <LiveBadge status={live} />
      </div>
      <p className="hint">{intl.t('reviews.admin.hint')}</p>
      <ProblemScope error={error ?? reviews.error}>
        <div className="row">
          <SelectField<Status | ''>
            label={intl.t('reviews.admin.status')}
            field="query.status"
            value={status}
            options={[
              { value: '', label: intl.t('orders.anyStatus') },
              ...STATUSES.map((s) => ({ value: s, label: intl.t(`reviews.admin.status.${s}`) })),
            ]}
            onChange={setStatus}
          />
          <SelectField
            label={intl.t('reviews.admin.channel')}
            field="query.channelId"
            value={channelId}
            options={[
              { value: '', label: intl.t('reviews.admin.anyChannel') },
              ...(channels.data?.items ?? []).map((c) => ({ value: c.id, label: c.name })),
            ]}
            onChange={setChannelId}
          />
          <SelectField
            label={intl.t('reviews.rating')}
            field="query.rating"
            value={rating}
            options={[
              { value: '', label: intl.t('reviews.admin.anyRating') },
              ...[5, 4, 3, 2, 1].map((n) => ({
                value: String(n),
                label: intl.t('reviews.stars', { count: n }),
              })),
            ]}
            onChange={setRating}
          />
        </div>
        <ErrorNotice error={error} />
      </ProblemScope>
      <LoadedTable
        load={reviews}
        items={reviews.data?.items}
        empty={intl.t('reviews.admin.empty')}
        live
        rowKey={(r) => r.id}
        rowProps={(r) => ({ 'data-review': r.id, 'data-status': r.status })}
        columns={[
          { header: intl.t('events.time'), cell: (r) => intl.date(r.createdAt) },
          { header: intl.t('reviews.admin.product'), cell: (r) => r.productTitle },
          { header: intl.t('reviews.rating'), cell: (r) => <Stars rating={r.rating} /> },
          {
            header: intl.t('reviews.admin.text'),
            cell: (r) => (
              <>
                {r.title ? <strong>{r.title}</strong> : null}
                {r.body ? <p>{r.body}</p> : null}
              </>
            ),
          },
          { header: intl.t('reviews.admin.reviewer'), cell: (r) => r.reviewerName },
          { header: intl.t('reviews.admin.channel'), cell: (r) => channelName(r.channelId) },
          {
            header: intl.t('reviews.admin.status'),
            cell: (r) => (
              <Pill tone={tone(r.status)}>
                {intl.t(`reviews.admin.status.${r.status}`)}
                {r.rejectReason ? `: ${r.rejectReason}` : ''}
              </Pill>
            ),
          },
          {
            header: '',
            cell: (r) => (
              <span className="actions">
                {r.status === 'pending' ? (
                  <button type="button" onClick={() => void publish(r.id)}>
                    {intl.t('reviews.admin.publish')}
                  </button>
                ) : null}
                {r.status !== 'rejected' ? (
                  <button type="button" className="danger" onClick={() => setRejecting(r)}>
                    {intl.t('reviews.admin.reject')}
                  </button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      {rejecting ? (
        <RejectReviewDialog
          key={rejecting.id}
          review={rejecting}
          onClose={() => setRejecting(null)}
          onRejected={() => {
            setRejecting(null);
            reviews.reload();
          }}
        />
      ) : null}
    </section>
  );
}

/** The reject dialog of one review: the reason asked, and a refusal shown in it naming the field. */
function RejectReviewDialog({
  review,
  onClose,
  onRejected,
}: {
  review: Rejecting;
  onClose(): void;
  onRejected(): void;
}) {
  const intl = useIntl();
  const api = useApi();
  const [reason, setReason] = useState('');
  const { run, notices, error } = useAction();
  const reject = async () => {
    const path = { id: review.id };
    if (await run(() => ok(api.POST('/api/reviews/{id}/reject', { params: { path }, body: { reason } }))))
      onRejected();
  };
  return (
    <FormDialog
      open
      title={intl.t('reviews.admin.rejectTitle')}
      submit={intl.t('reviews.admin.rejectConfirm')}
      cancel={intl.t('common.cancel')}
      danger
      disabled={reason.trim() === ''}
      onSubmit={() => void reject()}
      onClose={onClose}
    >
      <ProblemScope error={error}>
        <p data-reject-review={review.id}>
          <Stars rating={review.rating} /> <strong>{review.productTitle}</strong>
          {review.title ? ` · ${review.title}` : ''} · {review.reviewerName}
        </p>
        <p className="hint">{intl.t('reviews.admin.rejectHint')}</p>
        <TextAreaField
          label={intl.t('reviews.admin.reason')}
          field="body.reason"
          value={reason}
          onChange={setReason}
          rows={3}
        />
        {notices}
      </ProblemScope>
    </FormDialog>
  );
}
