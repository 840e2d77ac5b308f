// Barcodes at the till, three ways in: a keyboard-wedge scanner (a USB/Bluetooth reader that "types"
// the digits fast and presses Enter) anywhere on the sell page, the camera through the browser's own
// BarcodeDetector where it has one (Chrome on Android, ChromeOS, macOS), and otherwise the camera
// through ZXing (@zxing/browser), loaded only when a camera scan starts so other tills never pay for it.
import { useEffect, useRef, useState } from 'react';
import { type MessageKey, useIntl } from '../i18n/index.tsx';
import { Notice } from '../ui/components.tsx';

/** A reader types a whole code within this many ms per key; people type slower. */
const WEDGE_KEY_GAP_MS = 40;
const WEDGE_MIN_LENGTH = 6;

/**
 * Calls `onScan` with what a barcode reader typed (fast keys then Enter) while no text field has the
 * focus; a field that has it receives the scan itself (the scan field submits its form on Enter).
 */
export function useKeyboardWedge(onScan: (code: string) => void): void {
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    let buffer = '';
    let last = 0;
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
        return;
      }
      const now = e.timeStamp || performance.now();
      if (now - last > WEDGE_KEY_GAP_MS) buffer = '';
      last = now;
      if (e.key === 'Enter') {
        if (buffer.length >= WEDGE_MIN_LENGTH) {
          e.preventDefault();
          latest.current(buffer);
        }
        buffer = '';
      } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) buffer += e.key;
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

/** The retail barcodes (EAN/UPC) and the Code 128 many shops print their own SKUs in. */
const FORMATS = ['ean_13', 'ean_8', 'upc_a', 'upc_e', 'code_128'];

interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<Array<{ rawValue: string }>>;
}
type NativeDetectorClass = new (opts: { formats: string[] }) => NativeDetector;

/** Reads codes from the video until stopped; returns the stop function. */
async function startReading(video: HTMLVideoElement, onCode: (code: string) => void): Promise<() => void> {
  const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
  if (Native) {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
    video.srcObject = stream;
    await video.play();
    const detector = new Native({ formats: FORMATS });
    let running = true;
    const tick = async () => {
      if (!running) return;
      const found = await detector.detect(video).catch(() => []);
      if (found[0]?.rawValue) onCode(found[0].rawValue);
      setTimeout(() => void tick(), 200);
    };
    void tick();
    return () => {
      running = false;
      for (const track of stream.getTracks()) track.stop();
    };
  }
  const { BrowserMultiFormatReader } = await import('@zxing/browser');
  const controls = await new BrowserMultiFormatReader().decodeFromVideoDevice(undefined, video, (result) => {
    if (result) onCode(result.getText());
  });
  return () => controls.stop();
}

/** The camera button and, while scanning, the picture; each new code read is handed on once. */
export function CameraScanner({ onScan }: { onScan(code: string): void }) {
  const intl = useIntl();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(false);
  const [failed, setFailed] = useState<MessageKey | null>(null);
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    if (!on || !video.current) return;
    let stop: (() => void) | null = null;
    let lastCode = '';
    let cancelled = false;
    startReading(video.current, (code) => {
      // The same code stays in view for a while: hand it on once until another one is read.
      if (code === lastCode) return;
      lastCode = code;
      latest.current(code);
    })
      .then((s) => {
        if (cancelled) s();
        else stop = s;
      })
      .catch(() => {
        setFailed('scan.noCamera');
        setOn(false);
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [on]);
  const available = typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
  return (
    <div className="stack">
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setFailed(available ? null : 'scan.noCamera');
          setOn(available && !on);
        }}
      >
        {intl.t(on ? 'scan.stop' : 'scan.camera')}
      </button>
      {on ? (
        <>
          <video
            ref={video}
            className="scan-video"
            muted
            playsInline
            aria-label={intl.t('scan.cameraHint')}
          />
          <p className="hint">{intl.t('scan.cameraHint')}</p>
        </>
      ) : null}
      {failed ? <Notice>{intl.t(failed)}</Notice> : null}
    </div>
  );
}

export { optionName, optionsText } from '../ui/local-titles.ts';
