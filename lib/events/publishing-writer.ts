import type { GitWriter } from "@/lib/gitops/create-git-writer";
import type { EventBus } from "./bus";

/**
 * The GitOps writer as the running console uses it: after each change, every open browser is
 * told, so a commit made in one shows in all (the new server, the new audit row, the timeline).
 * A change that failed or was refused still wrote its audit row.
 */
export function publishingWriter(writer: GitWriter, bus: EventBus): GitWriter {
  return {
    ...writer,
    async applyChange(input) {
      try {
        const result = await writer.applyChange(input);
        bus.publish(
          result.committed
            ? {
                topic: "git",
                invalidate: [["git"], ["servers"], ["timeline"], ["activity"]],
                summary: `committed ${result.sha.slice(0, 7)}: ${input.summary}`,
              }
            : { topic: "activity", invalidate: [["activity"]], summary: null },
        );
        return result;
      } catch (error) {
        bus.publish({ topic: "activity", invalidate: [["activity"]], summary: null });
        throw error;
      }
    },
  };
}
