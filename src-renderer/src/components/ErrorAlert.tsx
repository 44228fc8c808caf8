// An error shown next to what caused it, announced at once (role="alert").
import type { ReactNode } from 'react';

export function ErrorAlert({
  message,
  children,
}: {
  readonly message: string;
  readonly children?: ReactNode;
}) {
  return (
    <div role="alert" className="alert">
      <p>{message}</p>
      {children}
    </div>
  );
}
