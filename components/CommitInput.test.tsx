import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { CommitInput } from './CommitInput';

const root = () => document.body.appendChild(document.createElement('div'));
afterEach(() => {
  document.body.innerHTML = '';
});

async function typeAndLeave(input: HTMLInputElement, text: string, keys: ('Enter' | 'blur')[]) {
  await act(() => {
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  for (const key of keys) {
    await act(async () => {
      if (key === 'Enter') input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      else input.dispatchEvent(new FocusEvent('blur'));
    });
  }
}

describe('CommitInput', () => {
  it('saves once on Enter followed by leaving the field', async () => {
    const onCommit = vi.fn(async () => true);
    const container = root();
    await act(() => render(<CommitInput label="Name" value="Old" onCommit={onCommit} />, container));
    await typeAndLeave(container.querySelector('input')!, 'New', ['Enter', 'blur']);
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith('New');
  });

  it('puts the saved value back when saving is refused', async () => {
    const container = root();
    await act(() => render(<CommitInput label="Name" value="Old" onCommit={async () => false} />, container));
    const input = container.querySelector('input')!;
    await typeAndLeave(input, '', ['Enter']);
    expect(input.value).toBe('Old');
  });

  it('does not save an unchanged value', async () => {
    const onCommit = vi.fn(async () => true);
    const container = root();
    await act(() => render(<CommitInput label="Name" value="Same" onCommit={onCommit} />, container));
    await typeAndLeave(container.querySelector('input')!, 'Same', ['blur']);
    expect(onCommit).not.toHaveBeenCalled();
  });
});
