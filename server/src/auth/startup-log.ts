/** Where start-up tasks report: a Nest Logger, or anything with the same two methods. */
export interface StartupLog {
  log(message: string): void;
  warn(message: string): void;
}
