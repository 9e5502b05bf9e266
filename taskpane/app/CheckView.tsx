import { Button, makeStyles, Text, tokens } from "@fluentui/react-components";
import { ArrowDownload20Regular, Eraser20Regular, TableSearch20Regular } from "@fluentui/react-icons";
import { useState } from "react";
import { t } from "../../addin/i18n";
import { countIssues, type FileReport, type Issue } from "../../addin/validate/report";
import { annotatedCopy, annotatedFileName, hasCellProblems, readFiles, validate, validateSheet, type ReadResult } from "../engine";
import type { EngineConfig } from "../settings";
import { errorText, FileProgress, LiveRegion, NoticeBar, type Notice } from "./common";
import { FilePicker, SPREADSHEET_ACCEPT } from "./FilePicker";
import { IssueList } from "./IssueList";
import type { AppServices } from "./services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  report: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  download: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: tokens.spacingVerticalXXS },
});

/** A checked file: its report and, for a chosen file, what was read (its bytes make the annotated copy). */
interface Checked {
  report: FileReport;
  read?: ReadResult;
}

/** The announcement for screen readers once a check is done. */
function announcement(reports: readonly FileReport[]): string {
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    const c = countIssues(r.issues);
    errors += c.errors;
    warnings += c.warnings;
  }
  return t("taskpane.check.announce", { files: reports.length, errors, warnings });
}

export interface CheckViewProps {
  services: AppServices;
  config: EngineConfig | null;
}

export function CheckView({ services, config }: CheckViewProps) {
  const styles = useStyles();
  const wb = services.workbook;
  const [checked, setChecked] = useState<Checked[]>([]);
  const [announce, setAnnounce] = useState("");
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
      setChecked([{ report }]);
      setAnnounce(announcement([report]));
      const res = await wb.mark(report.issues);
      setNotice({ intent: "info", text: t("taskpane.check.marked", { cells: res.cells }) });
    }, true);

  const checkFiles = (files: File[]) =>
    run(async () => {
      if (!config) return;
      setProgress({ done: 0, total: files.length });
      setAnnounce("");
      const read = await readFiles(files, (done, total) => setProgress({ done, total }));
      const reports = await validate(read, config);
      setChecked(reports.map((report, k) => ({ report, read: read[k] })));
      setAnnounce(announcement(reports));
    }, false);

  const downloadAnnotated = (c: Checked) =>
    run(async () => {
      const copy = c.read && (await annotatedCopy(c.read, c.report));
      if (!copy) return;
      services.download(copy.bytes, copy.fileName);
      setNotice({ intent: "success", text: t("taskpane.check.annotatedDownloaded", { file: copy.fileName }) });
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
      {checked.length === 0 && !busy && <Text>{wb ? t("taskpane.check.empty") : t("taskpane.check.emptyStandalone")}</Text>}
      {checked.map((c, k) => {
        const r = c.report;
        const { errors, warnings } = countIssues(r.issues);
        const annotatable = !!c.read?.book && hasCellProblems(r);
        const copyName = annotatable ? annotatedFileName(r.file) : "";
        return (
          <section key={k} className={styles.report} aria-label={r.file}>
            <Text weight="semibold" data-testid="report-counts">
              {errors + warnings === 0 ? t("taskpane.check.ok", { file: r.file }) : t("taskpane.check.counts", { file: r.file, errors, warnings })}
            </Text>
            {annotatable && (
              <div className={styles.download}>
                <Button size="small" icon={<ArrowDownload20Regular />} disabled={busy} onClick={() => downloadAnnotated(c)} data-testid="download-annotated">
                  {t("taskpane.check.downloadAnnotated", { file: copyName })}
                </Button>
                {c.read?.book?.format !== "xlsx" && <Text size={200}>{t("taskpane.check.annotatedAsXlsx", { file: r.file })}</Text>}
              </div>
            )}
            <IssueList report={r} onSelect={select(r)} />
          </section>
        );
      })}
      {checked.some((c) => c.read?.book && hasCellProblems(c.report)) && <Text size={200}>{t("taskpane.check.annotatedHint")}</Text>}
      <LiveRegion text={announce} testId="check-announce" />
    </div>
  );
}
