// Reading the enrolment code from a QR code with the camera, where the browser can
// (`BarcodeDetector`). Typing the code always works as well: nothing here is needed to enrol.

/** What a QR code may hold: the code itself, or an address with `?code=` (or `#code=`). */
const CODE = /^[0-9a-z]{4}[\s-]?[0-9a-z]{4}$/i;

/**
 * The enrolment code in a scanned text, upper-cased as `ABCD-1234`, or `undefined` when the text
 * holds none.
 *
 * @example
 * codeFromScan('https://stue.example/kiosk/?code=7kq3-9xzd'); // '7KQ3-9XZD'
 * codeFromScan('7KQ39XZD'); // '7KQ3-9XZD'
 */
export function codeFromScan(text: string): string | undefined {
  let candidate = text.trim();
  if (/^https?:\/\//i.test(candidate)) {
    try {
      const url = new URL(candidate);
      const hash = new URLSearchParams(url.hash.slice(1));
      candidate = url.searchParams.get('code') ?? hash.get('code') ?? '';
    } catch {
      return undefined;
    }
  }
  if (!CODE.test(candidate)) return undefined;
  const plain = candidate.replace(/[\s-]/g, '').toUpperCase();
  return `${plain.slice(0, 4)}-${plain.slice(4)}`;
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const detectorClass = (): BarcodeDetectorClass | undefined =>
  (globalThis as unknown as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;

/** Whether this browser can read a QR code with the camera. */
export function canScan(): boolean {
  return detectorClass() !== undefined && !!globalThis.navigator?.mediaDevices?.getUserMedia;
}

/**
 * Shows the back camera in `video` and looks for a QR code holding an enrolment code a few times
 * a second, until one is found or `signal` aborts; the camera is always switched off after.
 * Rejects when the camera cannot be used (no permission, none there): the caller falls back to
 * typing. QR codes that hold something else are passed over.
 *
 * @example
 * const code = await scanEnrolmentCode(video, controller.signal);
 */
export async function scanEnrolmentCode(
  video: HTMLVideoElement,
  signal: AbortSignal,
): Promise<string | undefined> {
  const Detector = detectorClass();
  if (!Detector) throw new Error('BarcodeDetector is not available');
  const detector = new Detector({ formats: ['qr_code'] });
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'environment' },
    audio: false,
  });
  try {
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    // Not awaited: a camera that has not sent a frame yet must not hold the loop up.
    void video.play().catch(() => undefined);
    while (!signal.aborted) {
      const found = await detector.detect(video).catch(() => [] as DetectedBarcode[]);
      for (const barcode of found) {
        const code = codeFromScan(barcode.rawValue);
        if (code) return code;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return undefined;
  } finally {
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }
}
