import { Button, makeStyles, tokens, Text } from "@fluentui/react-components";
import { DocumentAdd20Regular, FolderOpen20Regular } from "@fluentui/react-icons";
import { useRef, useState, type DragEvent, type InputHTMLAttributes, type ReactNode } from "react";
import { t } from "../../addin/i18n";

const useStyles = makeStyles({
  drop: {
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    alignItems: "flex-start",
  },
  over: { backgroundColor: tokens.colorNeutralBackground2Hover },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export interface FilePickerProps {
  label: string;
  accept: string;
  multiple?: boolean;
  /** Offer a drop zone too (standalone page). */
  droppable?: boolean;
  disabled?: boolean;
  onFiles(files: File[]): void;
  /** More buttons shown beside this one (inside the drop zone when there is one). */
  children?: ReactNode;
}

/** A button that opens the file chooser (keyboard accessible), optionally with a drag-and-drop zone. */
export function FilePicker({ label, accept, multiple, droppable, disabled, onFiles, children }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const styles = useStyles();
  const picker = (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        multiple={multiple}
        hidden
        data-testid={`file-input-${label}`}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          if (files.length) onFiles(files);
        }}
      />
      <div className={styles.buttons}>
        <Button icon={<DocumentAdd20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
          {label}
        </Button>
        {children}
      </div>
    </>
  );
  if (!droppable) return picker;
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = Array.from(e.dataTransfer.files ?? []);
    if (files.length && !disabled) onFiles(multiple ? files : files.slice(0, 1));
  };
  return (
    <div
      className={over ? `${styles.drop} ${styles.over}` : styles.drop}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      {picker}
      <Text size={200}>{t("taskpane.files.drop")}</Text>
    </div>
  );
}

export const SPREADSHEET_ACCEPT = ".xlsx,.xls,.csv,.ods,.fods";

/** The spreadsheets among a folder's files: .xlsx/.xls/.csv/.ods/.fods, without Excel's "~$" lock files and hidden files. */
export function spreadsheetsOf(files: readonly File[]): File[] {
  return files.filter((f) => /\.(xlsx|xls|csv|ods|fods)$/i.test(f.name) && !/^(~\$|\.)/.test(f.name));
}

export interface FolderPickerProps {
  label: string;
  disabled?: boolean;
  onFiles(files: File[]): void;
  /** The folder held no spreadsheet. */
  onEmpty?(): void;
}

// The folder chooser's attribute (every current browser and Office's webviews support it; React passes it through).
const DIRECTORY_PROPS = { webkitdirectory: "", directory: "" } as unknown as InputHTMLAttributes<HTMLInputElement>;

/** A button that chooses a whole folder (input webkitdirectory) and passes on the spreadsheets in it. */
export function FolderPicker({ label, disabled, onFiles, onEmpty }: FolderPickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        {...DIRECTORY_PROPS}
        data-testid={`folder-input-${label}`}
        onChange={(e) => {
          const all = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = "";
          if (!all.length) return;
          const files = spreadsheetsOf(all);
          if (files.length) onFiles(files);
          else onEmpty?.();
        }}
      />
      <Button icon={<FolderOpen20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}
