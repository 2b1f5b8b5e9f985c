/** The version of Lathe recorded in artifacts. */
export const LATHE_VERSION = "0.1.0";
