import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { Eraser20Regular, TableSearch20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { t } from "../../addin/i18n";
import type { FileReport, Issue } from "../../addin/validate/report";
import { readFiles, validate, validateSheet } from "../engine";
import type { EngineConfig } from "../settings";
import { errorText, FileProgress, NoticeBar, type Notice } from "./common";
import { FilePicker, SPREADSHEET_ACCEPT } from "./FilePicker";
import { countIssues, IssueList } from "./IssueList";
import type { AppServices } from "./services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

export interface CheckViewProps {
  services: AppServices;
  config: EngineConfig | null;
}

export function CheckView({ services, config }: CheckViewProps) {
  const styles = useStyles();
  const wb = services.workbook;
  const [reports, setReports] = useState<FileReport[]>([]);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run = async (work: () => Promise<void>, officeCall: boolean) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      const message = errorText(e);
      setNotice({ intent: "error", title: t("taskpane.error.title"), text: officeCall ? t("taskpane.error.office", { message }) : message });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const checkSheet = () =>
    run(async () => {
      if (!wb || !config) return;
      const { grid, fileName } = await wb.readActiveSheet();
      const report = await validateSheet(grid, fileName || grid.name, config);
      setReports([report]);
      const res = await wb.mark(report.issues);
      setNotice({ intent: "info", text: t("taskpane.check.marked", { cells: res.cells }) });
    }, true);

  const checkFiles = (files: File[]) =>
    run(async () => {
      if (!config) return;
      setProgress({ done: 0, total: files.length });
      const read = await readFiles(files, (done, total) => setProgress({ done, total }));
      setReports(await validate(read, config));
    }, false);

  const clear = () =>
    run(async () => {
      if (!wb) return;
      const res = await wb.clearMarks();
      setNotice({ intent: "success", text: t("taskpane.check.cleared", { cells: res.cells }) });
    }, true);

  const select = (report: FileReport) =>
    wb && report.format === "office"
      ? (issue: Issue) => void run(() => wb.select(issue.sheet!, issue.cell!), true)
      : undefined;

  return (
    <div className={styles.root}>
      <div className={styles.actions}>
        {wb && (
          <Button appearance="primary" icon={<TableSearch20Regular />} disabled={busy || !config} onClick={checkSheet}>
            {t("taskpane.check.sheet")}
          </Button>
        )}
        <FilePicker
          label={wb ? t("taskpane.check.files") : t("taskpane.files.choose")}
          accept={SPREADSHEET_ACCEPT}
          multiple
          droppable={!wb}
          disabled={busy || !config}
          onFiles={checkFiles}
        />
        {wb && (
          <Button icon={<Eraser20Regular />} disabled={busy} onClick={clear}>
            {t("taskpane.check.clear")}
          </Button>
        )}
      </div>
      <FileProgress progress={progress} />
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {reports.length === 0 && !busy && <Text>{wb ? t("taskpane.check.empty") : t("taskpane.check.emptyStandalone")}</Text>}
      {reports.map((r, k) => {
        const { errors, warnings } = countIssues(r);
        return (
          <section key={k} className={styles.report} aria-label={r.file}>
            <Text weight="semibold" data-testid="report-counts">
              {errors + warnings === 0 ? t("taskpane.check.ok", { file: r.file }) : t("taskpane.check.counts", { file: r.file, errors, warnings })}
            </Text>
            <IssueList report={r} onSelect={select(r)} />
          </section>
        );
      })}
      {!wb && reports.some((r) => r.issues.length > 0) && <Text size={200}>{t("taskpane.check.noAnnotated")}</Text>}
    </div>
  );
}
