// The inbox's settings: canned replies (the reply templates agents insert, with variables), teams of
// agents (a conversation routed to a team goes round-robin to its members only), and the agents'
// pool with who is available. Each list saves straight to the hub.
import { useState } from 'react';
import { useIntl } from '../../i18n/index.tsx';
import { ok } from '../../ui/api.ts';
import {
  CancelEditButton,
  FieldsetField,
  Pill,
  SelectField,
  TextAreaField,
  TextField,
  useLoad,
} from '../../ui/components.tsx';
import { useConfirm } from '../../ui/confirm-dialog.tsx';
import { FormPanel, LoadedTable, useAction } from '../../ui/data-table.tsx';
import { useApi } from '../../ui/key-gate.tsx';
import { ProblemScope } from '../../ui/problem.tsx';
import { Link } from '../../ui/router.tsx';

const VARIABLES = '{{customer.name}}, {{customer.email}}, {{agent.name}}, {{order.number}}';

export function InboxSettingsPage() {
  const intl = useIntl();
  const api = useApi();
  const agents = useLoad(() => ok(api.GET('/api/inbox/agents')), []);
  return (
    <section aria-labelledby="inbox-settings-title">
      <h1 id="inbox-settings-title">{intl.t('inboxSettings.title')}</h1>
      <p>
        {intl.t('inboxSettings.intro')} <Link to="/inbox">{intl.t('nav.inbox')}</Link>
      </p>
      <CannedReplies />
      <Teams agents={agents.data?.items ?? []} />
      <AgentPool agents={agents} />
    </section>
  );
}

const NO_REPLY = { shortcut: '', title: '', body: '' };

function CannedReplies() {
  const intl = useIntl();
  const api = useApi();
  const replies = useLoad(() => ok(api.GET('/api/inbox/canned-replies')), []);
  const [form, setForm] = useState(NO_REPLY);
  const [editing, setEditing] = useState<{ id: string; shortcut: string } | null>(null);
  const action = useAction();
  const save = () =>
    action.run(
      async () => {
        const saved = await ok(api.POST('/api/inbox/canned-replies', { body: form }));
        // A renamed shortcut is a new reply on the hub: the old one goes, so the edit does not copy it.
        if (editing && editing.shortcut !== saved.shortcut) {
          await ok(api.DELETE('/api/inbox/canned-replies/{id}', { params: { path: { id: editing.id } } }));
        }
        setForm(NO_REPLY);
        setEditing(null);
        replies.reload();
        return saved.shortcut;
      },
      (shortcut) => intl.t('inboxSettings.replySaved', { shortcut }),
    );
  const confirm = useConfirm();
  const remove = async (id: string, shortcut: string) => {
    const question = intl.t('inboxSettings.confirmDelete', { name: `/${shortcut}` });
    if (!(await confirm.ask({ question, confirm: intl.t('inboxSettings.delete') }))) return;
    void action.run(
      async () => {
        await ok(api.DELETE('/api/inbox/canned-replies/{id}', { params: { path: { id } } }));
        replies.reload();
      },
      intl.t('inboxSettings.replyDeleted', { shortcut }),
    );
  };
  const title = editing
    ? intl.t('inboxSettings.editReply', { shortcut: editing.shortcut })
    : intl.t('inboxSettings.newReply');
  return (
    <section aria-labelledby="canned-title">
      <h2 id="canned-title">{intl.t('inboxSettings.canned')}</h2>
      {confirm.dialog}
      {action.notices}
      <LoadedTable
        load={replies}
        items={replies.data?.items}
        rowKey={(r) => r.id}
        columns={[
          { header: intl.t('inboxSettings.shortcut'), cell: (r) => `/${r.shortcut}` },
          { header: intl.t('inboxSettings.replyTitle'), cell: (r) => r.title },
          {
            header: intl.t('inboxSettings.replyBody'),
            cell: (r) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.body}</span>,
          },
          {
            header: '',
            cell: (r) => (
              <span className="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setEditing({ id: r.id, shortcut: r.shortcut });
                    setForm({ shortcut: r.shortcut, title: r.title, body: r.body });
                  }}
                >
                  {intl.t('inboxSettings.edit')}
                  <span className="visually-hidden"> /{r.shortcut}</span>
                </button>
                <button type="button" className="link" onClick={() => void remove(r.id, r.shortcut)}>
                  {intl.t('inboxSettings.delete')}
                  <span className="visually-hidden"> /{r.shortcut}</span>
                </button>
              </span>
            ),
          },
        ]}
      />
      <ProblemScope error={action.error}>
        <FormPanel label={title} title={title} submit={intl.t('common.save')} onSubmit={save} layout="stack">
          <p className="hint">{intl.t('inboxSettings.cannedHint', { variables: VARIABLES })}</p>
          <TextField
            label={intl.t('inboxSettings.shortcut')}
            value={form.shortcut}
            onChange={(shortcut) => setForm({ ...form, shortcut })}
            field="body.shortcut"
            required
          />
          <TextField
            label={intl.t('inboxSettings.replyTitle')}
            value={form.title}
            onChange={(t) => setForm({ ...form, title: t })}
            field="body.title"
            required
          />
          <TextAreaField
            label={intl.t('inboxSettings.replyBody')}
            value={form.body}
            onChange={(body) => setForm({ ...form, body })}
            field="body.body"
          />
          <CancelEditButton
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setForm(NO_REPLY);
            }}
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}

interface Agent {
  agentId: string;
  name: string;
  available: boolean;
}
const NO_TEAM = { name: '', agentIds: [] as string[] };

function Teams({ agents }: { agents: Agent[] }) {
  const intl = useIntl();
  const api = useApi();
  const teams = useLoad(() => ok(api.GET('/api/inbox/teams')), []);
  const [form, setForm] = useState(NO_TEAM);
  const [editing, setEditing] = useState<string | null>(null);
  const action = useAction();
  const agentName = (id: string) => agents.find((a) => a.agentId === id)?.name ?? id;
  const save = () =>
    action.run(
      async () => {
        const saved = editing
          ? await ok(
              api.PUT('/api/inbox/teams/{teamId}', { params: { path: { teamId: editing } }, body: form }),
            )
          : await ok(api.POST('/api/inbox/teams', { body: form }));
        setForm(NO_TEAM);
        setEditing(null);
        teams.reload();
        return saved.name;
      },
      (name) => intl.t('inboxSettings.teamSaved', { name }),
    );
  const confirm = useConfirm();
  const remove = async (teamId: string, name: string) => {
    const question = intl.t('inboxSettings.confirmDelete', { name });
    if (!(await confirm.ask({ question, confirm: intl.t('inboxSettings.delete') }))) return;
    void action.run(
      async () => {
        await ok(api.DELETE('/api/inbox/teams/{teamId}', { params: { path: { teamId } } }));
        teams.reload();
      },
      intl.t('inboxSettings.teamDeleted', { name }),
    );
  };
  const toggle = (id: string) =>
    setForm({
      ...form,
      agentIds: form.agentIds.includes(id) ? form.agentIds.filter((x) => x !== id) : [...form.agentIds, id],
    });
  const current = teams.data?.items.find((t) => t.id === editing);
  const title = current
    ? intl.t('inboxSettings.editTeam', { name: current.name })
    : intl.t('inboxSettings.newTeam');
  return (
    <section aria-labelledby="teams-title">
      <h2 id="teams-title">{intl.t('inboxSettings.teams')}</h2>
      {confirm.dialog}
      {action.notices}
      <LoadedTable
        load={teams}
        items={teams.data?.items}
        rowKey={(t) => t.id}
        columns={[
          { header: intl.t('inboxSettings.teamName'), cell: (t) => t.name },
          {
            header: intl.t('inboxSettings.members'),
            cell: (t) =>
              t.agentIds.length ? t.agentIds.map(agentName).join(', ') : intl.t('inboxSettings.noMembers'),
          },
          {
            header: '',
            cell: (t) => (
              <span className="row">
                <button
                  type="button"
                  className="link"
                  onClick={() => {
                    setEditing(t.id);
                    setForm({ name: t.name, agentIds: t.agentIds });
                  }}
                >
                  {intl.t('inboxSettings.edit')}
                  <span className="visually-hidden"> {t.name}</span>
                </button>
                <button type="button" className="link" onClick={() => void remove(t.id, t.name)}>
                  {intl.t('inboxSettings.delete')}
                  <span className="visually-hidden"> {t.name}</span>
                </button>
              </span>
            ),
          },
        ]}
      />
      <ProblemScope error={action.error}>
        <FormPanel label={title} title={title} submit={intl.t('common.save')} onSubmit={save} layout="stack">
          <TextField
            label={intl.t('inboxSettings.teamName')}
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            field="body.name"
            required
          />
          <FieldsetField
            legend={intl.t('inboxSettings.members')}
            hint={intl.t('inboxSettings.membersHint')}
            field="body.agentIds"
          >
            {agents.map((a) => (
              <label key={a.agentId} className="check">
                <input
                  type="checkbox"
                  checked={form.agentIds.includes(a.agentId)}
                  onChange={() => toggle(a.agentId)}
                />{' '}
                {a.name}
              </label>
            ))}
          </FieldsetField>
          <CancelEditButton
            editing={editing !== null}
            onCancel={() => {
              setEditing(null);
              setForm(NO_TEAM);
            }}
          />
        </FormPanel>
      </ProblemScope>
    </section>
  );
}

function AgentPool({
  agents,
}: {
  agents: { data?: { items: Agent[] }; loading: boolean; error?: unknown; reload(): void };
}) {
  const intl = useIntl();
  const api = useApi();
  // Staff who may join the pool; without staff:read the page offers only the pool itself.
  const staff = useLoad(() => ok(api.GET('/api/staff')), []);
  const [pick, setPick] = useState('');
  const action = useAction();
  const inPool = new Set((agents.data?.items ?? []).map((a) => a.agentId));
  const candidates = (staff.data?.items ?? []).filter((m) => m.active && !inPool.has(m.id));
  const save = (agentId: string, name: string, available: boolean) =>
    action.run(
      async () => {
        await ok(
          api.PUT('/api/inbox/agents/{agentId}', {
            params: { path: { agentId } },
            body: { name, available },
          }),
        );
        agents.reload();
        return name;
      },
      (n) => intl.t('inboxSettings.agentSaved', { name: n }),
    );
  const picked = candidates.find((m) => m.id === pick) ?? candidates[0];
  return (
    <section aria-labelledby="agents-title">
      <h2 id="agents-title">{intl.t('inboxSettings.agents')}</h2>
      <p className="hint">{intl.t('inboxSettings.agentsHint')}</p>
      {action.notices}
      <LoadedTable
        load={agents}
        items={agents.data?.items}
        rowKey={(a) => a.agentId}
        columns={[
          { header: intl.t('inboxSettings.agentName'), cell: (a) => a.name },
          {
            header: '',
            cell: (a) => (
              <span className="row">
                <Pill tone={a.available ? 'ok' : 'neutral'}>
                  {a.available ? intl.t('inboxSettings.available') : intl.t('inboxSettings.away')}
                </Pill>
                <button type="button" className="link" onClick={() => save(a.agentId, a.name, !a.available)}>
                  {a.available ? intl.t('inboxSettings.markAway') : intl.t('inboxSettings.markAvailable')}
                  <span className="visually-hidden"> {a.name}</span>
                </button>
              </span>
            ),
          },
        ]}
      />
      {picked ? (
        <FormPanel
          label={intl.t('inboxSettings.addAgent')}
          submit={intl.t('inboxSettings.addAgent')}
          onSubmit={() => void save(picked.id, picked.name, true)}
        >
          <SelectField
            label={intl.t('inboxSettings.staffMember')}
            value={picked.id}
            options={candidates.map((m) => ({ value: m.id, label: `${m.name} (${m.email})` }))}
            onChange={setPick}
          />
        </FormPanel>
      ) : null}
    </section>
  );
}
