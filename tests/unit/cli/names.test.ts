import { annotatedNames } from "../../../cli/annotate";
import { displayNames } from "../../../cli/display-names";

describe("file names in reports and annotated copies", () => {
  test("base names when unique; the path under the common folder when two files share a base name", () => {
    expect(displayNames(["/in/东湖镇.xlsx", "/in/西山镇.xls"])).toEqual(["东湖镇.xlsx", "西山镇.xls"]);
    expect(displayNames(["/in/东湖镇/东湖镇.xlsx", "/in/东湖镇.xlsx", "/in/西山镇.xls"])).toEqual(["东湖镇/东湖镇.xlsx", "东湖镇.xlsx", "西山镇.xls"]);
    expect(displayNames(["/a/2025/东湖镇.xlsx", "/a/2026/东湖镇.xlsx"])).toEqual(["2025/东湖镇.xlsx", "2026/东湖镇.xlsx"]);
  });

  test("annotated copies never overwrite each other", () => {
    expect(annotatedNames(["东湖镇.xlsx", "西山镇.csv"])).toEqual(["东湖镇_审核标注.xlsx", "西山镇_审核标注.xlsx"]);
    expect(annotatedNames(["东湖镇.xls", "东湖镇.xlsx", "西山镇.csv"])).toEqual(["东湖镇_xls_审核标注.xlsx", "东湖镇_xlsx_审核标注.xlsx", "西山镇_审核标注.xlsx"]);
    expect(annotatedNames(["东湖镇/东湖镇.xlsx", "东湖镇.xlsx"])).toEqual(["东湖镇/东湖镇_审核标注.xlsx", "东湖镇_审核标注.xlsx"]);
    expect(annotatedNames(["东湖镇.xlsx", "东湖镇_xlsx.xlsx", "东湖镇.XLSX"])).toEqual(["东湖镇_xlsx_审核标注.xlsx", "东湖镇_xlsx_审核标注(2).xlsx", "东湖镇_XLSX_审核标注(3).xlsx"]);
  });
});
