import { Badge, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { KeyboardEvent } from "react";
import { t } from "../../addin/i18n";
import type { FileReport, Issue } from "../../addin/validate";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `3px solid transparent`,
    wordBreak: "break-word",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteYellowBorder2 },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  where: { color: tokens.colorNeutralForeground2 },
  heading: { marginTop: tokens.spacingVerticalS },
});

/** Errors first, then warnings; within each, the engine's order (sheet order, then row). */
export function orderIssues(issues: readonly Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity === "warning")];
}

export function issueAt(i: Issue): string {
  if (i.sheet && i.cell) return `${i.sheet}!${i.cell}`;
  if (i.sheet && i.omitted?.range) return `${i.sheet}!${i.omitted.range}`;
  if (i.sheet && i.row) return `${i.sheet}!${i.row}`;
  return i.sheet ?? i.file;
}

export interface IssueListProps {
  report: FileReport;
  /** When given, an issue with a cell can be clicked (or Enter/Space) to go to it. */
  onSelect?(issue: Issue): void;
}

export function IssueList({ report, onSelect }: IssueListProps) {
  const styles = useStyles();
  const ordered = orderIssues(report.issues);
  const errors = ordered.filter((i) => i.severity === "error");
  const warnings = ordered.filter((i) => i.severity === "warning");
  const render = (list: Issue[]) => (
    <ul className={styles.list}>
      {list.map((i, k) => {
        const at = issueAt(i);
        const selectable = !!onSelect && !!i.sheet && !!i.cell;
        const go = () => selectable && onSelect!(i);
        const onKey = (e: KeyboardEvent) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            go();
          }
        };
        return (
          <li
            key={k}
            className={`${styles.item} ${i.severity === "error" ? styles.error : styles.warning} ${selectable ? styles.clickable : ""}`}
            data-severity={i.severity}
            {...(selectable ? { role: "button", tabIndex: 0, onClick: go, onKeyDown: onKey, "aria-label": `${t("taskpane.check.goTo", { at })}${t("taskpane.label.colon")}${i.message}` } : {})}
          >
            <Text size={200} className={styles.where}>
              {at}
              {i.explained ? (
                <>
                  {" "}
                  <Badge size="small" appearance="outline">
                    {t("taskpane.check.explained")}
                  </Badge>
                </>
              ) : null}
            </Text>
            <Text>{i.message}</Text>
          </li>
        );
      })}
    </ul>
  );
  return (
    <div>
      {errors.length > 0 && (
        <>
          <Text weight="semibold" as="h3" className={styles.heading}>
            {t("taskpane.check.errorsHeading")}
          </Text>
          {render(errors)}
        </>
      )}
      {warnings.length > 0 && (
        <>
          <Text weight="semibold" as="h3" className={styles.heading}>
            {t("taskpane.check.warningsHeading")}
          </Text>
          {render(warnings)}
        </>
      )}
    </div>
  );
}

