/** Browser, OS and device class read from a User-Agent header, for events whose SDK sent no contexts. */
export interface UserAgentInfo {
  browser?: { name: string; version?: string };
  os?: { name: string; version?: string };
  device?: "Mobile" | "Tablet" | "Desktop";
}

// Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\/([\d.]+)/, "Edge"],
  [/\bOPR\/([\d.]+)/, "Opera"],
  [/\bSamsungBrowser\/([\d.]+)/, "Samsung Internet"],
  [/\bFxiOS\/([\d.]+)/, "Firefox"],
  [/\bFirefox\/([\d.]+)/, "Firefox"],
  [/\bCriOS\/([\d.]+)/, "Chrome"],
  [/\bHeadlessChrome\/([\d.]+)/, "Chrome Headless"],
  [/\bChrom(?:e|ium)\/([\d.]+)/, "Chrome"],
  [/\bVersion\/([\d.]+).*\bSafari\//, "Safari"],
  [/\bMSIE ([\d.]+)|\bTrident\/.*\brv:([\d.]+)/, "Internet Explorer"],
];

const WINDOWS: Record<string, string> = { "10.0": "10", "6.3": "8.1", "6.2": "8", "6.1": "7", "6.0": "Vista", "5.1": "XP" };

export function parseUserAgent(ua: string): UserAgentInfo {
  const text = ua.slice(0, 1000);
  const info: UserAgentInfo = {};
  for (const [pattern, name] of BROWSERS) {
    const m = pattern.exec(text);
    if (m) {
      const version = m[1] ?? m[2];
      info.browser = version ? { name, version } : { name };
      break;
    }
  }
  info.os = osOf(text);
  if (/\biPad\b|\bTablet\b/.test(text) || (/\bAndroid\b/.test(text) && !/\bMobile\b/.test(text))) info.device = "Tablet";
  else if (/\bMobi(?:le)?\b|\biPhone\b/.test(text)) info.device = "Mobile";
  else if (info.os) info.device = "Desktop";
  return info;
}

function osOf(ua: string): UserAgentInfo["os"] {
  let m = /\bWindows NT ([\d.]+)/.exec(ua);
  if (m) return { name: "Windows", version: WINDOWS[m[1]] ?? m[1] };
  m = /\b(?:iPhone|CPU) OS (\d+(?:_\d+)*)/.exec(ua);
  if (m) return { name: "iOS", version: m[1].replaceAll("_", ".") };
  m = /\bMac OS X (\d+(?:[_.]\d+)*)/.exec(ua);
  if (m) return { name: "macOS", version: m[1].replaceAll("_", ".") };
  m = /\bAndroid (\d+(?:\.\d+)*)/.exec(ua);
  if (m) return { name: "Android", version: m[1] };
  if (/\bCrOS\b/.test(ua)) return { name: "Chrome OS" };
  if (/\bLinux\b/.test(ua)) return { name: "Linux" };
  return undefined;
}
