/** The private addresses of one subscription, all under /alerts/{token} (never cached, see cachePolicy.ts). */
export function alertPaths(token: string) {
  return {
    page: `/alerts/${token}`,
    atom: `/alerts/${token}.atom.xml`,
    rss: `/alerts/${token}.rss.xml`,
    json: `/alerts/${token}.json`,
  };
}
