import { Provider } from '@nestjs/common';
import { HaloSettings } from '../../config/halo-settings';
import { MailTransport } from './mail-transport';
import { OutboxTransport } from './outbox.transport';
import { SmtpTransport } from './smtp.transport';

/** SMTP when SMTP_HOST is set, else the outbox folder. */
export const mailTransportProvider: Provider = {
  provide: MailTransport,
  inject: [HaloSettings],
  useFactory: (settings: HaloSettings): MailTransport =>
    settings.digests.smtp.host
      ? new SmtpTransport(settings.digests.smtp)
      : new OutboxTransport(settings.digests.outboxDir),
};
