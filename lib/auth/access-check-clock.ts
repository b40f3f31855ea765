import { singleton } from "@/lib/singleton";

/**
 * When each person's GitHub access was last confirmed, in this process. A restart forgets it,
 * which only makes the next check come sooner. (Kept here until User has `accessCheckedAt`.)
 */
type Clock = Map<string, number>;

function clock(): Clock {
  return singleton("auth:access-checked-at", () => new Map<string, number>());
}

export function accessCheckDue(userId: string, now: number, periodSeconds: number): boolean {
  const checkedAt = clock().get(userId);
  return checkedAt === undefined || now - checkedAt >= periodSeconds * 1000;
}

export function markAccessChecked(userId: string, at: number): void {
  clock().set(userId, at);
}

export function forgetAccessCheck(userId: string): void {
  clock().delete(userId);
}
