import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Text,
  tokens,
} from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons";
import { useEffect, useState } from "react";
import { t } from "../../addin/i18n";
import type { CountySummary, TownshipSummary } from "../../addin/merge";
import { townshipStatusText } from "../../addin/merge/status";
import { merge, readFiles, summaryTables, summaryWorkbook, validate } from "../engine";
import type { SheetTable } from "../office/summary-sheets";
import type { EngineConfig } from "../settings";
import { errorText, FileProgress, joinList, LiveRegion, NoticeBar, type Notice } from "./common";
import { FilePicker, FolderPicker, SPREADSHEET_ACCEPT } from "./FilePicker";
import { ResultView } from "./ResultView";
import type { AppServices } from "./services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    // A wide window (the standalone page, a wide pane) lays the townships out in columns.
    "@media (min-width: 900px)": { display: "grid", gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))", columnGap: tokens.spacingHorizontalXXL },
  },
  row: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

export type TownshipStatusView = { text: string; color: "success" | "warning" | "danger" | "informative" };

/** The words shown for a township's status (merged, partial, failed, missing: addin/merge's TownshipStatus). */
export function townshipStatus(tw: TownshipSummary | undefined): TownshipStatusView {
  // The words are addin/merge's, as in the workbook and the CLI; only the colour is the pane's.
  const status = tw ?? ({ status: "missing", failure: null, errorCount: 0, rejectedRows: 0 } as const);
  const color = { merged: "success", partial: "warning", failed: "danger", missing: "informative" } as const;
  return { text: townshipStatusText(status), color: color[status.status] };
}

export interface MergeViewProps {
  services: AppServices;
  config: EngineConfig | null;
}

export function MergeView({ services, config }: MergeViewProps) {
  const styles = useStyles();
  const wb = services.workbook;
  const [summary, setSummary] = useState<CountySummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [conflict, setConflict] = useState<{ sheets: string[]; tables: SheetTable[] } | null>(null);
  const [announce, setAnnounce] = useState("");

  // New settings (another registry, template or thresholds) make the statuses of the last merge meaningless:
  // they were computed against the old ones. Clear them rather than mix the new registry with old results.
  useEffect(() => {
    setSummary(null);
    setConflict(null);
    setNotice(null);
    setAnnounce("");
  }, [config]);

  const run = async (work: () => Promise<void>, office = false) => {
    setBusy(true);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      const message = errorText(e);
      setNotice({ intent: "error", title: t("taskpane.error.title"), text: office ? t("taskpane.error.office", { message }) : message });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const chooseFiles = (files: File[]) =>
    run(async () => {
      if (!config) return;
      setProgress({ done: 0, total: files.length });
      const read = await readFiles(files, (done, total) => setProgress({ done, total }));
      const reports = await validate(read, config);
      const merged = await merge(reports, config);
      setSummary(merged);
      const count = (st: TownshipSummary["status"]) => merged.townships.filter((tw) => tw.status === st).length;
      const counts = { merged: count("merged"), partial: count("partial"), failed: count("failed"), missing: count("missing") };
      setAnnounce(t(counts.partial ? "taskpane.merge.announcePartial" : "taskpane.merge.announce", counts));
    });

  const write = (tables: SheetTable[], overwrite: boolean) =>
    run(async () => {
      const res = await wb!.writeSummary(tables, overwrite);
      if (res.kind === "conflict") setConflict({ sheets: res.sheets, tables });
      else setNotice({ intent: "success", text: t("taskpane.merge.written", { sheets: joinList(res.sheets) }) });
    }, true);

  const generate = () =>
    run(async () => {
      if (!summary || !config) return;
      if (wb) {
        const tables = await summaryTables(summary, config);
        const res = await wb.writeSummary(tables, false);
        if (res.kind === "conflict") setConflict({ sheets: res.sheets, tables });
        else setNotice({ intent: "success", text: t("taskpane.merge.written", { sheets: joinList(res.sheets) }) });
      } else {
        const file = t("taskpane.merge.fileName");
        services.download(await summaryWorkbook(summary, config), file);
        setNotice({ intent: "success", text: t("taskpane.merge.downloaded", { file }) });
      }
    }, !!wb);

  const byCode = new Map(summary?.townships.map((tw) => [tw.code, tw]) ?? []);
  // Files rejected with their township known show in that township's status; list the others here, with the reason.
  const attributed = new Set(summary?.townships.flatMap((tw) => tw.files) ?? []);
  const unattributed = summary?.rejectedFiles.filter((f) => !attributed.has(f.file)) ?? [];
  const townships = config?.registry.townships ?? [];
  return (
    <div className={styles.root}>
      <Text>{t("taskpane.merge.intro")}</Text>
      <FilePicker label={t("taskpane.files.choose")} accept={SPREADSHEET_ACCEPT} multiple droppable={!wb} disabled={busy || !config} onFiles={chooseFiles}>
        <FolderPicker
          label={t("taskpane.files.chooseFolder")}
          disabled={busy || !config}
          onFiles={chooseFiles}
          onEmpty={() => setNotice({ intent: "warning", text: t("taskpane.files.noSpreadsheets") })}
        />
      </FilePicker>
      <FileProgress progress={progress} />
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {config && (
        <section aria-label={t("taskpane.merge.townships", { county: config.registry.county ?? "", count: townships.length })}>
          <Text weight="semibold" as="h3">
            {t("taskpane.merge.townships", { county: config.registry.county ?? "", count: townships.length })}
          </Text>
          <ul className={styles.list} data-testid="township-list">
            {townships.map((tw) => {
              const st = townshipStatus(byCode.get(tw.code));
              return (
                <li key={tw.code} className={styles.row} data-code={tw.code}>
                  <Text>{tw.name}</Text>
                  <Badge appearance="tint" color={st.color}>
                    {st.text}
                  </Badge>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {summary && <ResultView summary={summary} />}
      {unattributed.length > 0 && (
        <Text size={200} data-testid="unattributed">
          {t("taskpane.merge.rejectedFiles", { files: joinList(unattributed.map((f) => t("taskpane.merge.fileReason", { file: f.file, reason: f.reason }))) })}
        </Text>
      )}
      <div>
        <Button appearance="primary" icon={<TableAdd20Regular />} disabled={busy || !summary} onClick={generate}>
          {wb ? t("taskpane.merge.generate") : t("taskpane.merge.download")}
        </Button>
      </div>
      <LiveRegion text={announce} testId="merge-announce" />
      <Dialog open={!!conflict} onOpenChange={(_e, d) => !d.open && setConflict(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t("taskpane.merge.conflictTitle")}</DialogTitle>
            <DialogContent>{conflict && t("taskpane.merge.conflictBody", { sheets: joinList(conflict.sheets) })}</DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                onClick={() => {
                  const c = conflict!;
                  setConflict(null);
                  void write(c.tables, true);
                }}
              >
                {t("taskpane.merge.replace")}
              </Button>
              <Button onClick={() => setConflict(null)}>{t("taskpane.merge.cancel")}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
