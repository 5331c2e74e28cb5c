import type { ReactNode } from 'react';
import { Anchor } from '@mantine/core';

/** A link-styled button (bold, small, left-aligned), e.g. an OPD name that opens its details. */
export function AnchorButton({ onClick, title, children }: { onClick: () => void; title?: string; children: ReactNode }) {
  return (
    <Anchor component="button" type="button" size="sm" fw={600} ta="left" onClick={onClick} title={title}>
      {children}
    </Anchor>
  );
}
