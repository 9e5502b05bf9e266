/** The font the county workbook and its chart are set in: 宋体, what Chinese Excel and WPS use for body text. */
export const BODY_FONT = "宋体";
