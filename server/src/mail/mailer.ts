import nodemailer, { type Transporter } from 'nodemailer';

export interface Mailer {
  enabled: boolean;
  send(msg: { to: string; subject: string; text: string }): Promise<void>;
}

/** nodemailer over SMTP_URL (e.g. smtp://mailpit:1025); disabled when unset. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) return { enabled: false, send: async () => undefined };
  const transport: Transporter = nodemailer.createTransport(smtpUrl);
  return {
    enabled: true,
    send: async (msg) => {
      await transport.sendMail({ from, ...msg });
    },
  };
}
