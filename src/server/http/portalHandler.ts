import type { ApiRateLimiter } from './apiRateLimit.ts';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { logger, requestScope } from '../observability/logger.ts';
import { countDependencyError, metrics } from '../observability/metrics.ts';
import { requestIdFor } from '../observability/requestId.ts';
import { recordWhenDone } from './accessLog.ts';
import { availabilityPath, availabilityResponse } from './availabilityEndpoint.ts';
import { answerForError, apiRefusalAsJson, badRequest, isApiPath, overloaded } from './errorAnswers.ts';
import { edgeRefusal } from './edgeRefusals.ts';
import { inFlightGate } from './loadShedding.ts';
import { mayReadMetrics } from './metricsAccess.ts';
import { chooseCoding } from './compression.ts';
import { isShareable, microcache, shareKey } from './microcache.ts';
import { isDownloadPath, serveDownload } from '../openData/downloadLane.ts';
import { answerConditionally, answerFromResponse, finishAnswer, type OutgoingAnswer, type RequestFacts } from './outgoingAnswer.ts';
import { isCacheablePage } from './publicCaching.ts';
import { readReportPost, takesReportChallenge, takesReportPost } from './reportPostLane.ts';
import { parseRequestTarget } from './requestTarget.ts';
import { captureTextResponses } from './responseCapture.ts';
import { routeLabel } from './routeMatch.ts';
import { securityHeaders } from './securityHeaders.ts';
import { reportPostResponse } from '../reports/reportApi.ts';
import { reportChallengeResponse } from '../reports/reportChallengeApi.ts';
import { reportDeviceIdInCookieHeader } from '../reports/reportDevice.ts';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface PortalHandlerOptions {
  /** Astro's Node handler (dist/server/entry.mjs `handler`): static files and every route. */
  astro: NodeHandler;
  maxInFlight: number;
  /** How long a public answer is shared between visitors (0 turns the microcache off, as tests of rendering do). */
  shareForMs?: number;
  metricsToken?: string | undefined;
  log?: Logger;
  /** Serve /open-data/downloads/ from this directory in front of Astro, at most `maxConcurrent` at once. */
  downloads?: { root: string; maxConcurrent: number };
  /** Per-client limits of the public read API (docs/api.md, "Rate limits and API keys"); absent in tests of other things. */
  apiLimit?: ApiRateLimiter;
}

/**
 * The one handler the Node server runs. Everything that can throw runs inside try/catch or a promise with a
 * catch, so no request can end the process: what cannot be parsed gets 400, an error gets a 500 (or a 503 with
 * Retry-After) that is logged and answered here, never re-run through Astro. Every answer, Astro's included,
 * gets the security headers and an X-Request-Id, and is compressed and given an ETag where that helps.
 */
export function portalHandler(options: PortalHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const gate = inFlightGate(options.maxInFlight);
  // Downloads last long and move many bytes: their own small bound, so that bulk users cannot take the slots
  // (or the CPU) citizens' requests need. Past it: 503 with Retry-After, as for any shed request.
  const downloadGate = inFlightGate(options.downloads?.maxConcurrent ?? 0);
  const shared = microcache({ ttlMs: options.shareForMs ?? 0, maxEntries: 500 });
  const baseLog = options.log ?? logger();
  return (req, res) => {
    const requestId = requestIdFor(req.headers['x-request-id']);
    requestScope().run({ requestId }, () => serve(req, res, requestId));
  };

  function serve(req: IncomingMessage, res: ServerResponse, requestId: string): void {
    const log = baseLog.child({ reqId: requestId });
    let route = 'unparsed';
    let apiPath = false;
    recordWhenDone(req, res, log, () => route);
    const method = req.method ?? 'GET';
    const facts = (): RequestFacts => ({
      method,
      route,
      acceptEncoding: req.headers['accept-encoding'],
      ifNoneMatch: req.headers['if-none-match'],
      hasCookie: req.headers.cookie !== undefined,
    });
    const send = (response: Response) =>
      answerFromResponse(response).then((answer) => {
        const finished = finishAnswer(answer, facts());
        res.writeHead(finished.status, finished.headers);
        res.end(finished.body);
      });
    const write = (answer: OutgoingAnswer) => {
      const finished = answerConditionally(answer, req.headers['if-none-match']);
      // A shared answer carries the id of the request that rendered it; this request keeps its own.
      const { 'x-request-id': _renderedFor, ...headers } = finished.headers;
      res.writeHead(finished.status, headers);
      res.end(finished.body);
    };
    const fail = (error: unknown) => {
      log.error({ err: error, route }, 'request failed');
      countDependencyError(error, route);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      send(answerForError(error, apiPath)).catch(() => res.destroy());
    };
    try {
      res.setHeader('x-request-id', requestId);
      for (const [name, value] of Object.entries(securityHeaders(req.headers['x-forwarded-proto'] === 'https'))) res.setHeader(name, value);
      const target = parseRequestTarget(req.url);
      if (!target) {
        send(badRequest()).catch(fail);
        return;
      }
      route = routeLabel(target.pathname);
      apiPath = isApiPath(target.pathname);
      const refusal = edgeRefusal(method, target.pathname);
      if (refusal) {
        send(refusal).catch(fail);
        return;
      }
      if (target.pathname === '/metrics' && mayReadMetrics(req, options.metricsToken)) {
        route = '/metrics';
        const registry = metrics().registry;
        registry
          .metrics()
          .then((text) => send(new Response(text, { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } })))
          .catch(fail);
        return;
      }
      const proceed = () => {
        if (method !== 'GET' && method !== 'HEAD') {
          // A staff publication or any other accepted write: pages kept for sharing may now be out of date.
          res.once('finish', () => {
            if (res.statusCode < 400) shared.clear();
          });
        }
        const downloads = options.downloads;
        if (downloads && (method === 'GET' || method === 'HEAD') && isDownloadPath(target.pathname)) {
          if (!downloadGate.tryEnter()) {
            metrics().shedRequests.inc({ route });
            send(overloaded(true)).catch(fail);
            return;
          }
          res.once('close', () => downloadGate.leave());
          serveDownload(downloads.root, req, res, target.pathname).catch(fail);
          return;
        }
        const availability = method === 'GET' || method === 'HEAD' ? availabilityPath.exec(target.pathname) : null;
        const reportPost = takesReportPost(method, target.pathname, req.headers['content-type']);
        const reportChallenge = takesReportChallenge(method, target.pathname);
        const dispatch = (finish: (answer: OutgoingAnswer) => OutgoingAnswer) => {
          if (!gate.tryEnter()) {
            metrics().shedRequests.inc({ route });
            send(overloaded(apiPath)).catch(fail);
            return;
          }
          metrics().inFlight.set(gate.current);
          res.once('close', () => {
            gate.leave();
            metrics().inFlight.set(gate.current);
          });
          // Answered here, without Astro's per-request work: the response is finished as Astro's would be.
          const answerHere = (response: Promise<Response>) =>
            response
              .then(answerFromResponse)
              .then((answer) => {
                const finished = finish(answer);
                res.writeHead(finished.status, finished.headers);
                res.end(finished.body);
              })
              .catch(fail);
          if (availability) {
            // The hottest request (docs/decisions/006).
            answerHere(availabilityResponse(decodeURIComponent(availability[1] ?? ''), target.url));
            return;
          }
          if (reportPost) {
            // Citizens' reports, the write path with a throughput goal (reportPostLane.ts), and their challenges.
            answerHere(readReportPost(req).then(reportPostResponse));
            return;
          }
          if (reportChallenge) {
            answerHere(reportChallengeResponse(reportDeviceIdInCookieHeader(req.headers.cookie), req.headers['x-forwarded-proto'] === 'https'));
            return;
          }
          captureTextResponses(res, apiPath ? (answer) => finish(apiRefusalAsJson(answer)) : finish);
          Promise.resolve(options.astro(req, res)).catch(fail);
        };
        const key =
          (options.shareForMs ?? 0) > 0 && (availability || isCacheablePage(route))
            ? shareKey({ method, url: target.url.pathname + target.url.search, cookie: req.headers.cookie, coding: chooseCoding(req.headers['accept-encoding']) })
            : null;
        const known = key ? shared.lookup(key) : undefined;
        if (!key) {
          dispatch((answer) => finishAnswer(answer, facts()));
        } else if (known instanceof Promise) {
          // The same page is being rendered for someone else this very moment: wait for it rather than render again.
          known.then((answer) => (answer ? write(answer) : dispatch((a) => finishAnswer(a, facts())))).catch(fail);
        } else if (known) {
          write(known);
        } else {
          const settle = shared.claim(key);
          res.once('close', () => settle(null));
          dispatch((answer) => {
            // Finished without this request's If-None-Match, so that what is kept is the whole page for everyone.
            const finished = finishAnswer(answer, { ...facts(), ifNoneMatch: undefined });
            settle(isShareable(finished) ? finished : null);
            return answerConditionally(finished, req.headers['if-none-match']);
          });
        }
      };
      if (options.apiLimit?.applies(method, target.pathname)) {
        // Counted before the shared answers too: a crawler's repeats cost little, but they are its requests.
        options.apiLimit
          .admit(req)
          .then((refusal) => (refusal ? send(refusal) : proceed()))
          .catch(fail);
        return;
      }
      proceed();
    } catch (error) {
      fail(error);
    }
  }
}
