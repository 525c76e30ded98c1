// A line the picker's frame shows on its own, over everything it draws: why a click was not
// picked, or that this frame is not part of a pick (issue 11 item 8). Styled inline so it reads
// the same whatever the picker view's stylesheet does.

const BOX = {
  position: 'fixed', top: '12px', left: '50%', transform: 'translateX(-50%)', maxWidth: 'min(560px, calc(100% - 24px))',
  padding: '8px 12px', borderRadius: '6px', background: '#212529', color: '#fff', boxShadow: '0 2px 8px rgba(0, 0, 0, .35)',
  font: '13px/1.4 system-ui, sans-serif', pointerEvents: 'none', zIndex: '2',
} as const;

export function FrameNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return <p role="status" data-testid="frame-notice" style={BOX}>{text}</p>;
}
