import { Text, type TextProps } from '@mantine/core';
import { Fragment } from 'react';

/**
 * A letter or decision number ("800.1.3.1/270/427.45/2026") in monospace that wraps only after its
 * slashes (never inside a segment); <wbr> adds no characters, so a copied number stays exact.
 */
export function DocNumber({ value, ...props }: TextProps & { value: string; 'data-testid'?: string }) {
  const parts = value.split('/');
  return (
    <Text span ff="monospace" size="sm" style={{ overflowWrap: 'normal', wordBreak: 'normal' }} {...props}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {p}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </Text>
  );
}
