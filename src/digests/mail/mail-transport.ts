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
