/** Props of {@link MessageList}. */
export interface MessageListProps {
  readonly messages: readonly string[];
  /** The box style: `warning` for a problem to look at, `notice` for advice. */
  readonly className: 'warning' | 'notice';
  /** Data attributes that tell the boxes apart for tests (`{ 'data-secret-warning': true }`). */
  readonly marker?: Readonly<Record<`data-${string}`, string | true>>;
}

/** Advice or warnings under a field, one box each; nothing when there are none. */
export function MessageList({ messages, className, marker }: MessageListProps) {
  return (
    <>
      {messages.map((m) => (
        <div key={m} className={className} {...marker}>
          {m}
        </div>
      ))}
    </>
  );
}
