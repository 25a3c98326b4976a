// Descriptors may import text files (config templates, scripts) as strings; the evaluate stage
// bundles them with esbuild's text loader and records them as sources of the bundle.
declare module "*.hbs" {
  const text: string;
  export default text;
}
declare module "*.tpl" {
  const text: string;
  export default text;
}
declare module "*.conf" {
  const text: string;
  export default text;
}
declare module "*.txt" {
  const text: string;
  export default text;
}
