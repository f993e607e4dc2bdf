// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { TypedInputMemory } from '../../../../renderer/wizard/typed-input-memory';
import { TypedInputScope, useTypedInput } from '../../../../renderer/wizard/use-typed-input';

afterEach(cleanup);

function PasteBox({ memory }: { readonly memory: TypedInputMemory }) {
  const [text, setText] = useTypedInput('paste', '', memory);
  return (
    <>
      <textarea aria-label="paste" value={text} onChange={(e) => setText(e.target.value)} />
      <button type="button" onClick={() => setText('')}>
        use
      </button>
    </>
  );
}

function inScope(scope: string | null, memory: TypedInputMemory) {
  return render(
    <TypedInputScope.Provider value={scope}>
      <PasteBox memory={memory} />
    </TypedInputScope.Provider>,
  );
}

describe('typed input outside the draft', () => {
  it('comes back when the step is shown again, for the same profile only', () => {
    const memory = new TypedInputMemory();
    const first = inScope('profile-a', memory);
    fireEvent.change(first.getByLabelText('paste'), { target: { value: '-----BEGIN PRIVATE KEY-----' } });
    first.unmount();
    expect((inScope('profile-a', memory).getByLabelText('paste') as HTMLTextAreaElement).value).toBe('-----BEGIN PRIVATE KEY-----');
    cleanup();
    expect((inScope('profile-b', memory).getByLabelText('paste') as HTMLTextAreaElement).value).toBe('');
  });

  it('forgets a value once it is used, even when the step goes away at once', () => {
    const memory = new TypedInputMemory();
    const view = inScope('profile-a', memory);
    fireEvent.change(view.getByLabelText('paste'), { target: { value: 'secret' } });
    fireEvent.click(view.getByText('use'));
    view.unmount();
    expect(memory.get('profile-a', 'paste', 'absent')).toBe('');
  });

  it('remembers nothing outside the wizard, and nothing of a deleted profile', () => {
    const memory = new TypedInputMemory();
    const outside = inScope(null, memory);
    fireEvent.change(outside.getByLabelText('paste'), { target: { value: 'typed' } });
    outside.unmount();
    expect((inScope(null, memory).getByLabelText('paste') as HTMLTextAreaElement).value).toBe('');
    cleanup();
    const inside = inScope('profile-a', memory);
    fireEvent.change(inside.getByLabelText('paste'), { target: { value: 'typed' } });
    inside.unmount();
    memory.forget('profile-a');
    expect((inScope('profile-a', memory).getByLabelText('paste') as HTMLTextAreaElement).value).toBe('');
  });
});
