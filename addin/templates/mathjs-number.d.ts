// mathjs publishes its number-only build as the "mathjs/number" export, typed by its main declarations; classic
// module resolution (tsconfig) does not follow package exports, so say so here.
declare module "mathjs/number" {
  export * from "mathjs";
}
