import { configMap } from "tkc";

// Windows-1252: “quoted”
export const greeting = configMap({ name: "grüße", data: { text: "grüß dich" } });
