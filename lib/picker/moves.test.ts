import { describe, expect, it } from 'vitest';
import { createMoveGate } from './moves';
import type { FrameInput } from './protocol';

const move = (x: number): FrameInput => ({ type: 'move', x, y: 0 });

describe('move gate', () => {
  it('keeps one move in flight and only the latest one waiting', () => {
    const posted: FrameInput[] = [];
    const gate = createMoveGate((input) => posted.push(input));
    gate.send(move(1));
    gate.send(move(2));
    gate.send(move(3));
    expect(posted).toEqual([move(1)]);
    gate.answered();
    expect(posted).toEqual([move(1), move(3)]);
    gate.answered();
    gate.send(move(4));
    expect(posted).toEqual([move(1), move(3), move(4)]);
  });

  it('never holds back other input, and forgets a waiting move when the pointer leaves', () => {
    const posted: FrameInput[] = [];
    const gate = createMoveGate((input) => posted.push(input));
    gate.send(move(1));
    gate.send(move(2));
    gate.send({ type: 'click', x: 2, y: 0 });
    gate.send({ type: 'leave' });
    gate.answered();
    expect(posted).toEqual([move(1), { type: 'click', x: 2, y: 0 }, { type: 'leave' }]);
  });
});
