import "server-only";
import { authParts } from "@/lib/auth/auth-parts";

/**
 * When each person's GitHub access was last confirmed, kept on their User row so that every
 * replica and a restarted console agree on when the next check is due.
 */
export function accessCheckDue(
  checkedAt: Date | null,
  now: number,
  periodSeconds: number,
): boolean {
  return checkedAt === null || now - checkedAt.getTime() >= periodSeconds * 1000;
}

export async function markAccessChecked(userId: string, at: number): Promise<void> {
  await authParts().db.user.updateMany({
    where: { id: userId },
    data: { accessCheckedAt: new Date(at) },
  });
}

export async function forgetAccessCheck(userId: string): Promise<void> {
  await authParts().db.user.updateMany({ where: { id: userId }, data: { accessCheckedAt: null } });
}
