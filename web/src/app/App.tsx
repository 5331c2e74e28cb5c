import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { OutageBanner } from '../features/system/OutageBanner';
import i18n from '../i18n';
import { createQueryClient } from './queryClient';
import { AppRoutes } from './router';
import { theme } from './theme';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <DatesProvider settings={{ locale: 'id', firstDayOfWeek: 1 }}>
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <OutageBanner />
            {/* Navigation without transitions: a page whose code is still loading shows the loading
                state at once (the layout's Suspense) instead of the previous page staying on screen
                as if the click had not been taken, its timers still running (a list's search applied
                after its pause then navigated back to the list; simak-ui's test). */}
            <BrowserRouter useTransitions={false}>
              <AppRoutes />
            </BrowserRouter>
          </QueryClientProvider>
        </DatesProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
