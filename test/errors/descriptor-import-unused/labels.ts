export const label = "x";
