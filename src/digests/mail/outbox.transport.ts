import { Transporter, createTransport } from 'nodemailer';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { MailTransport, OutgoingMail, SendReceipt, toSendMailOptions } from './mail-transport';

/**
 * The demo transport: each mail becomes an .eml file (openable in any mail client) named after
 * its Message-ID, so that a copy sent again replaces the file instead of adding one.
 */
export class OutboxTransport extends MailTransport {
  readonly kind = 'outbox' as const;
  readonly folder: string;
  private readonly builder: Transporter;

  constructor(folder: string) {
    super();
    this.folder = isAbsolute(folder) ? folder : resolve(folder);
    this.builder = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingMail): Promise<SendReceipt> {
    const info = await this.builder.sendMail(toSendMailOptions(mail));
    mkdirSync(this.folder, { recursive: true });
    const name = `${mail.messageId.replace(/[^a-zA-Z0-9.@-]/g, '').replace(/@/g, '_at_')}.eml`;
    const file = join(this.folder, name);
    writeFileSync(`${file}.tmp`, info.message as Buffer);
    renameSync(`${file}.tmp`, file);
    return { response: `written to ${file}` };
  }

  close(): void {
    this.builder.close();
  }
}
