/** The embedded database's FAULTLINE_SECRET_KEY from .faultline/secret.key, generated there first when missing. */
export function demoSecretKey(root: string, onGenerated?: (file: string) => void): string;
