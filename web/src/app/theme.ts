import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** Calm government blue (primary shade ≈ #2b5a9e). */
const simakBlue: MantineColorsTuple = [
  '#edf3fb',
  '#dbe4f2',
  '#b3c7e5',
  '#88a8d8',
  '#658ecd',
  '#4f7dc6',
  '#4374c3',
  '#3462ab',
  '#2b5a9e',
  '#1c4a88',
];

export const theme = createTheme({
  primaryColor: 'simak',
  primaryShade: { light: 8, dark: 6 },
  colors: { simak: simakBlue },
  defaultRadius: 'md',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'Inter, "Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '650',
  },
  components: {
    Card: { defaultProps: { withBorder: true, shadow: 'xs', padding: 'lg' } },
    Badge: { defaultProps: { variant: 'light' } },
    Alert: { defaultProps: { variant: 'light' } },
  },
});
