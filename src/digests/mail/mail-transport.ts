import { SendMailOptions } from 'nodemailer';

/** One copy of a digest for one recipient. */
export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/** What nodemailer is given for a mail, in both transports: these fields and no others. */
export function toSendMailOptions(mail: OutgoingMail): SendMailOptions {
  return {
    from: mail.from,
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
    headers: mail.headers,
  };
}

export interface SendReceipt {
  /** The server's answer, or where the outbox put the file. */
  response: string;
}

/** Email = template + transport: SMTP through nodemailer, or .eml files in an outbox folder. */
export abstract class MailTransport {
  abstract readonly kind: 'smtp' | 'outbox';
  abstract send(mail: OutgoingMail): Promise<SendReceipt>;
  abstract close(): void;
}
