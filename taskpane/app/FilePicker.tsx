import { Button, makeStyles, tokens, Text } from "@fluentui/react-components";
import { DocumentAdd20Regular } from "@fluentui/react-icons";
import { useRef, useState, type DragEvent } from "react";
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
});

export interface FilePickerProps {
  label: string;
  accept: string;
  multiple?: boolean;
  /** Offer a drop zone too (standalone page). */
  droppable?: boolean;
  disabled?: boolean;
  onFiles(files: File[]): void;
}

/** A button that opens the file chooser (keyboard accessible), optionally with a drag-and-drop zone. */
export function FilePicker({ label, accept, multiple, droppable, disabled, onFiles }: FilePickerProps) {
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
      <Button icon={<DocumentAdd20Regular />} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
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

export const SPREADSHEET_ACCEPT = ".xlsx,.xls,.csv";
