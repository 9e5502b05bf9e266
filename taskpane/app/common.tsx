import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, Field } from "@fluentui/react-components";
import { Dismiss20Regular } from "@fluentui/react-icons";
import { t } from "../../addin/i18n";

/** The message of anything thrown: the engine's Chinese messages (TemplateError/RegistryError carry a list), else its text. */
export function errorText(e: unknown): string {
  const messages = (e as { messages?: unknown })?.messages;
  if (Array.isArray(messages) && messages.length) return messages.join("\n");
  if (e instanceof Error) return e.message;
  return String(e);
}

export interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: string;
  title?: string;
}

export function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss?(): void }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === "error" ? "alert" : "status"}>
      <MessageBarBody>
        {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
        <span style={{ whiteSpace: "pre-wrap" }}>{notice.text}</span>
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label={t("taskpane.dismiss")} icon={<Dismiss20Regular />} onClick={onDismiss} />}
        />
      )}
    </MessageBar>
  );
}

export function FileProgress({ progress }: { progress: { done: number; total: number } | null }) {
  if (!progress) return null;
  return (
    <Field validationMessage={t("taskpane.files.reading", progress)} validationState="none">
      <ProgressBar value={progress.total ? progress.done / progress.total : undefined} />
    </Field>
  );
}

/** A list joined the way the locale writes lists (东湖镇、西山镇 / a, b). */
export function joinList(items: readonly string[]): string {
  return items.join(t("taskpane.list.separator"));
}

const visuallyHidden = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
} as const;

/** Announces `text` to screen readers when it changes (an always-present polite live region, not shown). */
export function LiveRegion({ text, testId }: { text: string; testId?: string }) {
  return (
    <div aria-live="polite" aria-atomic="true" role="status" style={visuallyHidden} data-testid={testId}>
      {text}
    </div>
  );
}
