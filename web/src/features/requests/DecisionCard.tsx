import { Button, Card, Group, ThemeIcon, Title } from '@mantine/core';
import { IconFileText } from '@tabler/icons-react';
import { InfoGrid, type InfoItem } from '../../components/InfoGrid';

/**
 * The external decision of a request (BKN's pertek, then the SK): its figures and, once uploaded,
 * the signed SK. Test ids: `<prefix>-sk`, `<prefix>-sk-figures`, `<prefix>-sk-document`.
 */
export function DecisionCard(props: { prefix: string; title: string; items: InfoItem[]; documentUrl?: string | null; documentLabel: string }) {
  return (
    <Card data-testid={`${props.prefix}-sk`}>
      <Group gap="sm" mb="sm">
        <ThemeIcon variant="light" color="simak" size="lg" radius="md" aria-hidden>
          <IconFileText size={20} />
        </ThemeIcon>
        <Title order={3} size="h4">
          {props.title}
        </Title>
      </Group>
      <InfoGrid cols={3} testId={`${props.prefix}-sk-figures`} items={props.items} />
      {props.documentUrl && (
        <Group mt="md">
          <Button component="a" href={props.documentUrl} target="_blank" rel="noopener noreferrer" variant="light" leftSection={<IconFileText size={16} />} data-testid={`${props.prefix}-sk-document`}>
            {props.documentLabel}
          </Button>
        </Group>
      )}
    </Card>
  );
}
