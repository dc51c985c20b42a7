import {
  AttributedPurchase,
  Coefficients,
  Content,
  Driver,
  GuestOrder,
  contentKey,
} from './value-types';

const DAY_MS = 86_400_000;

export interface InfluenceValue {
  measuredMinor: number;
  modeledMinor: number;
  byChannel: Record<string, { measuredMinor: number; modeledMinor: number }>;
  drivers: Driver[];
}

export interface Calibration {
  platform: string;
  conversionPerReach: number;
  source: 'calibrated' | 'config';
  attributedOrders: number;
  reach: number;
}

function channelOf(content: Content): string {
  return content.kind === 'event' ? 'events' : content.platform;
}

/**
 * Measured influence: each attributed purchase's margin goes to the content it names that was
 * dated within the window before it (last, first or linear), split among the content's owners;
 * the buyer's own content never credits the buyer; a guest's first order goes to who brought
 * them. One purchase counts at most once per member. Modeled influence: content with no
 * attributed purchase earns reach × conversion per reach × average order margin.
 */
export function computeInfluenceValues(
  contents: readonly Content[],
  purchases: readonly AttributedPurchase[],
  guestOrders: readonly GuestOrder[],
  averageOrderMarginMinor: number,
  coefficients: Pick<
    Coefficients,
    'attributionWindowDays' | 'attributionModel' | 'minCalibrationOrders' | 'conversionPerReach'
  >,
  /** The run's calibration (a chunk sees part of the content); else calibrated on `contents`. */
  fixedCalibration?: Calibration[],
): { values: Map<string, InfluenceValue>; calibration: Calibration[] } {
  const contentByKey = new Map(
    contents.map((content) => [contentKey(content.kind, content.id), content]),
  );
  const windowMs = coefficients.attributionWindowDays * DAY_MS;
  // credit[member][purchase] = { amount, drivers }
  const credits = new Map<
    string,
    Map<string, { amount: number; content: Content | null; guest: GuestOrder | null }[]>
  >();
  const attributedContent = new Set<string>();
  const ordersByPlatform = new Map<string, Set<string>>();

  const addCredit = (
    memberId: string,
    purchaseId: string,
    entry: { amount: number; content: Content | null; guest: GuestOrder | null },
  ) => {
    const perMember = credits.get(memberId) ?? new Map();
    const list = perMember.get(purchaseId) ?? [];
    list.push(entry);
    perMember.set(purchaseId, list);
    credits.set(memberId, perMember);
  };

  for (const purchase of purchases) {
    const eligible = purchase.contentKeys
      .map((key) => contentByKey.get(key))
      .filter((content): content is Content => Boolean(content))
      .filter(
        (content) =>
          content.datedAt <= purchase.occurredAt &&
          purchase.occurredAt - content.datedAt <= windowMs,
      )
      .filter((content) => content.ownerIds.some((owner) => owner !== purchase.buyerId));
    if (!eligible.length) continue;
    const chosen = chooseContents(eligible, coefficients.attributionModel);
    for (const content of chosen) {
      const key = contentKey(content.kind, content.id);
      attributedContent.add(key);
      const platform = content.kind === 'event' ? 'event' : content.platform;
      (
        ordersByPlatform.get(platform) ?? ordersByPlatform.set(platform, new Set()).get(platform)!
      ).add(purchase.purchaseId);
      const owners = content.ownerIds.filter((owner) => owner !== purchase.buyerId);
      const share = purchase.marginMinor / chosen.length / owners.length;
      for (const owner of owners)
        addCredit(owner, purchase.purchaseId, { amount: share, content, guest: null });
    }
  }
  for (const guest of guestOrders) {
    if (guest.bringerId === guest.guestId) continue;
    addCredit(guest.bringerId, guest.purchaseId, {
      amount: guest.marginMinor,
      content: null,
      guest,
    });
  }

  const calibration = fixedCalibration ?? calibrate(contents, ordersByPlatform, coefficients);
  const conversion = new Map(
    calibration.map((entry) => [entry.platform, entry.conversionPerReach]),
  );
  const values = new Map<string, InfluenceValue>();
  const valueFor = (memberId: string) => {
    let value = values.get(memberId);
    if (!value)
      values.set(
        memberId,
        (value = { measuredMinor: 0, modeledMinor: 0, byChannel: {}, drivers: [] }),
      );
    return value;
  };
  const channel = (value: InfluenceValue, name: string) =>
    (value.byChannel[name] ??= { measuredMinor: 0, modeledMinor: 0 });

  for (const [memberId, perPurchase] of credits) {
    const value = valueFor(memberId);
    const byContent = new Map<string, Driver>();
    for (const [purchaseId, entries] of perPurchase) {
      // A guest's first order and a piece of content naming the same purchase: count it once, at the larger credit.
      const contentTotal = entries
        .filter((entry) => entry.content)
        .reduce((total, entry) => total + entry.amount, 0);
      const guest = entries.find((entry) => entry.guest);
      const useGuest = guest && guest.amount > contentTotal;
      for (const entry of useGuest ? [guest] : entries.filter((item) => item.content)) {
        const name = entry.content ? channelOf(entry.content) : 'guests';
        value.measuredMinor += entry.amount;
        channel(value, name).measuredMinor += entry.amount;
        const driverKey = entry.content
          ? contentKey(entry.content.kind, entry.content.id)
          : `guest:${purchaseId}`;
        const driver = byContent.get(driverKey) ?? {
          component: 'influence' as const,
          kind: entry.content ? entry.content.kind : 'guest',
          id: entry.content ? entry.content.id : entry.guest!.guestId,
          label: entry.content
            ? `${entry.content.kind} on ${entry.content.platform}: attributed orders`
            : "a guest's first order",
          amountMinor: 0,
          basis: 'measured' as const,
          params: entry.content
            ? { platform: entry.content.platform, orders: 0 }
            : { eventId: entry.guest!.eventId, orders: 0 },
        };
        driver.amountMinor += entry.amount;
        driver.params!.orders = Number(driver.params!.orders) + 1;
        byContent.set(driverKey, driver);
      }
    }
    value.drivers.push(...byContent.values());
  }

  for (const content of contents) {
    if (
      attributedContent.has(contentKey(content.kind, content.id)) ||
      content.reach <= 0 ||
      !content.ownerIds.length
    )
      continue;
    const platform = content.kind === 'event' ? 'event' : content.platform;
    const modeled = content.reach * (conversion.get(platform) ?? 0) * averageOrderMarginMinor;
    if (modeled <= 0) continue;
    for (const owner of content.ownerIds) {
      const share = modeled / content.ownerIds.length;
      const value = valueFor(owner);
      value.modeledMinor += share;
      channel(value, channelOf(content)).modeledMinor += share;
      value.drivers.push({
        component: 'influence',
        kind: content.kind,
        id: content.id,
        label: `${content.kind} on ${content.platform}: reach ${content.reach}`,
        amountMinor: share,
        basis: 'modeled',
        params: { platform: content.platform, reach: content.reach },
      });
    }
  }
  return { values, calibration };
}

/** Conversion per reach by platform, from every piece of content and the orders naming it. */
export function influenceCalibration(
  contents: readonly Content[],
  purchases: readonly AttributedPurchase[],
  coefficients: Parameters<typeof computeInfluenceValues>[4],
): Calibration[] {
  // With no average order nothing is modeled: this runs the attribution alone.
  return computeInfluenceValues(contents, purchases, [], 0, coefficients).calibration;
}

function chooseContents(eligible: Content[], model: 'last' | 'first' | 'linear'): Content[] {
  if (model === 'linear') return eligible;
  const sorted = [...eligible].sort(
    (left, right) => left.datedAt - right.datedAt || left.id.localeCompare(right.id),
  );
  return [model === 'last' ? sorted[sorted.length - 1] : sorted[0]];
}

function calibrate(
  contents: readonly Content[],
  ordersByPlatform: Map<string, Set<string>>,
  coefficients: Pick<Coefficients, 'minCalibrationOrders' | 'conversionPerReach'>,
): Calibration[] {
  const reachByPlatform = new Map<string, number>();
  for (const content of contents) {
    const platform = content.kind === 'event' ? 'event' : content.platform;
    reachByPlatform.set(
      platform,
      (reachByPlatform.get(platform) ?? 0) + Math.max(0, content.reach),
    );
  }
  return [...reachByPlatform].map(([platform, reach]) => {
    const attributedOrders = ordersByPlatform.get(platform)?.size ?? 0;
    if (attributedOrders >= coefficients.minCalibrationOrders && reach > 0) {
      return {
        platform,
        conversionPerReach: attributedOrders / reach,
        source: 'calibrated' as const,
        attributedOrders,
        reach,
      };
    }
    const configured =
      coefficients.conversionPerReach[platform] ?? coefficients.conversionPerReach.default ?? 0;
    return {
      platform,
      conversionPerReach: configured,
      source: 'config' as const,
      attributedOrders,
      reach,
    };
  });
}
