import { Transporter, createTransport } from 'nodemailer';
import { SmtpSettings } from '../../config/digest-settings';
import { MailTransport, OutgoingMail, SendReceipt, toSendMailOptions } from './mail-transport';

/** SMTP through nodemailer's pool: connections are reused across the copies of a tick. */
export class SmtpTransport extends MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter: Transporter;

  constructor(settings: SmtpSettings) {
    super();
    this.transporter = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
      pool: true,
      maxConnections: 2,
      connectionTimeout: settings.timeoutMs,
      greetingTimeout: settings.timeoutMs,
      socketTimeout: settings.timeoutMs,
      logger: false,
    });
  }

  async send(mail: OutgoingMail): Promise<SendReceipt> {
    const info = await this.transporter.sendMail(toSendMailOptions(mail));
    return { response: String(info.response ?? 'accepted') };
  }

  close(): void {
    this.transporter.close();
  }
}
