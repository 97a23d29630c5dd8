/**
 * What the PHP SDKs send, written from their source (values invented: a Laravel shop "storefront"
 * and a plain-PHP CLI "catalog-importer").
 *
 * Read (getsentry/sentry-php HEAD = 4.29.0, and tag 3.22.1 for 3.x):
 *   src/Serializer/PayloadSerializer.php, src/Serializer/EnvelopItems/EventItem.php,
 *   src/Serializer/Traits/StacktraceFrameSeralizerTrait.php, src/Serializer/Traits/BreadcrumbSeralizerTrait.php,
 *   src/Client.php (addThrowableToEvent, addMissingStacktraceToEvent, captureMessage), src/ExceptionDataBag.php,
 *   src/ExceptionMechanism.php, src/StacktraceBuilder.php, src/FrameBuilder.php, src/Frame.php,
 *   src/Util/PrefixStripper.php, src/Options.php (defaults), src/Integration/FrameContextifierIntegration.php,
 *   src/Integration/{Exception,Error,FatalError}ListenerIntegration.php, src/Integration/AbstractErrorListenerIntegration.php,
 *   src/Integration/RequestIntegration.php, src/Integration/EnvironmentIntegration.php, src/ErrorHandler.php,
 *   src/Severity.php, src/State/Scope.php (applyToEvent), src/Event.php, src/EventId.php, src/Util/SentryUid.php,
 *   src/Util/JSON.php, src/UserDataBag.php, src/Monolog/{Handler,LogToSentryIssueHandler,ExceptionToSentryIssueHandler}.php,
 *   src/Transport/HttpTransport.php, src/HttpClient/HttpClient.php, src/Util/Http.php, src/Dsn.php,
 *   src/Tracing/DynamicSamplingContext.php;
 *   3.22.1: src/Serializer/PayloadSerializer.php, src/Transport/HttpTransport.php, src/HttpClient/HttpClientFactory.php,
 *   src/HttpClient/Authentication/SentryAuthentication.php, src/HttpClient/Plugin/GzipEncoderPlugin.php.
 * getsentry/sentry-laravel HEAD = 4.26.0: src/Sentry/Laravel/Integration.php (captureUnhandledException),
 *   src/Sentry/Laravel/ServiceProvider.php (prefixes, in_app_exclude, SDK name, integrations),
 *   src/Sentry/Laravel/SentryHandler.php + LogChannel.php (log channel), src/Sentry/Laravel/EventHandler.php (user,
 *   breadcrumbs), src/Sentry/Laravel/Integration/{ExceptionContext,LaravelContext}Integration.php, src/Sentry/Laravel/Version.php.
 *
 * HTTP request, 4.x (every event type): POST {scheme}://{host}[:{port}]{dsn path}/api/{project}/envelope/ (trailing
 * slash) with cURL, HTTP/1.1; headers `Content-Type: application/x-sentry-envelope`,
 * `X-Sentry-Auth: Sentry sentry_version=7, sentry_client=<sdk name>/<version>, sentry_key=<public key>` (no
 * secret, no timestamp), `User-Agent: <sdk name>/<version>`, and `Content-Encoding: gzip` (gzip of the whole
 * body) whenever ext-zlib is loaded and `http_compression` is true (the default). No query-string auth.
 * HTTP request, 3.x: errors go to POST …/api/{project}/store/ as `Content-Type: application/json` (the event
 * JSON, with event_id) unless tracing is enabled, then (and for transactions/check-ins) to …/envelope/ as
 * `application/x-sentry-envelope`; X-Sentry-Auth as above plus `sentry_secret=` when the DSN has one; gzip
 * (Content-Encoding: gzip) when `enable_compression` is true (the default); User-Agent `<sdk>/<version>`.
 *
 * Envelope (4.x): `<header>\n<item header>\n<payload>` with no trailing newline and no item `length`; item
 * header `{"type":"event","content_type":"application/json"}`; envelope header `sent_at` (whole seconds, "Z"),
 * `dsn`, `sdk` ({name, version, packages}), `event_id`, and `trace` (the dynamic sampling context) when known.
 * The event payload itself carries NO event_id in 4.x (only the envelope header does); 3.x puts it in both.
 * JSON is PHP's json_encode with JSON_UNESCAPED_UNICODE (so "/" is escaped as "\/": reproduced below).
 */
import { buildEnvelope } from "./envelopes";

export const PHP_PUBLIC_KEY = "5d2e8b41c7a94f0e9b3a6c1d8e7f2a40";
export const PHP_PROJECT_ID = "17";
export const PHP_DSN = `https://${PHP_PUBLIC_KEY}@faultline.example.net/${PHP_PROJECT_ID}`;
export const SHOP_RELEASE = "storefront@2026.03.10-2";
export const IMPORTER_RELEASE = "catalog-importer@1.14.0";
const TRACE_ID = "0b7e5f31c2d84a96a1e3f5c7d9b2a4c6";

export const PHP_EVENT_IDS = {
  checkout: "89a5296364db48d398f9056d697f1c54",
  checkoutAgain: "f4d9f440cb5349c598de56fe3d8be417",
  discount: "3050e4ef373546798b1b0a90e205ed41",
  fatal: "e0071f3a30984fb489c27dcfffc638ce",
  fatalTimeout: "9d653c05d35443269649db1d5e5ba211",
  logWarning: "cd017c7b5af748cf8657b67dfc83a7e3",
  logWarningAgain: "31333071c3b7448ebc0f26c136a76001",
  paramMessage: "4a024c0e47bb49918c081d2a214c8f72",
  checkoutPhp84: "e97fe6708b094db5b9a907ac7cfcba11",
  checkoutPhp84Again: "5dc6114e80374527a3ee80006c048b45",
  legacyStore: "e498f7f94e4c4e4d89158099a888973a",
  monologException: "e5b2d3f53d0c4f18a705ed3697e3d5fa",
} as const;

/** The request each SDK makes (see the header comment); the body is the gzipped envelope. */
export const phpRequests = {
  laravel: {
    method: "POST",
    path: `/api/${PHP_PROJECT_ID}/envelope/`,
    headers: {
      "Content-Type": "application/x-sentry-envelope",
      "X-Sentry-Auth": `Sentry sentry_version=7, sentry_client=sentry.php.laravel/4.26.0, sentry_key=${PHP_PUBLIC_KEY}`,
      "User-Agent": "sentry.php.laravel/4.26.0",
      "Content-Encoding": "gzip",
    },
  },
  core: {
    method: "POST",
    path: `/api/${PHP_PROJECT_ID}/envelope/`,
    headers: {
      "Content-Type": "application/x-sentry-envelope",
      "X-Sentry-Auth": `Sentry sentry_version=7, sentry_client=sentry.php/4.29.0, sentry_key=${PHP_PUBLIC_KEY}`,
      "User-Agent": "sentry.php/4.29.0",
      "Content-Encoding": "gzip",
    },
  },
  legacyStore: {
    method: "POST",
    path: `/api/${PHP_PROJECT_ID}/store/`,
    headers: {
      "Content-Type": "application/json",
      "X-Sentry-Auth": `Sentry sentry_version=7, sentry_client=sentry.php/3.22.1, sentry_key=${PHP_PUBLIC_KEY}`,
      "User-Agent": "sentry.php/3.22.1",
      "Content-Encoding": "gzip",
    },
  },
} as const;

// ---------------------------------------------------------------------------------------------------
// Frames. StacktraceBuilder pairs each backtrace entry's function with the file/line *inside* it, so the
// outermost frame (the script itself) has no function; FrameBuilder names methods "Class::method" and
// sets raw_function only when a class is known; `filename` is the path minus the first matching
// `prefixes` entry (Laravel: base_path(); plain PHP: the include_path entries, "." = the working
// directory), `abs_path` the real path; PHP-internal callers are "[internal]" with line 0, no abs_path.
// in_app: false for "[internal]", for functions in the Sentry\ namespace and under `in_app_exclude`
// (Laravel: vendor/ and artisan). Frames are outermost first, the throwing one last.
// FrameContextifierIntegration adds up to `context_lines` (5) lines around every non-internal frame; the
// vendor frames below carry fewer to keep this file readable.
// ---------------------------------------------------------------------------------------------------

interface FrameSpec {
  /** Absolute path, or "[internal]". */
  file: string;
  line: number;
  fn?: string;
  inApp: boolean;
  pre?: string[];
  code?: string;
  post?: string[];
  vars?: Record<string, unknown>;
}

function phpFrame(prefix: string, s: FrameSpec): Record<string, unknown> {
  const internal = s.file === "[internal]";
  const frame: Record<string, unknown> = {
    filename: internal || !s.file.startsWith(prefix) ? s.file : s.file.slice(prefix.length),
    lineno: s.line,
    in_app: s.inApp,
  };
  if (!internal) frame.abs_path = s.file;
  if (s.fn !== undefined) frame.function = s.fn;
  // raw_function: "%s::%s" of the backtrace's class and function, only when a class is known.
  if (s.fn !== undefined && /^[\w\\]+::/.test(s.fn)) frame.raw_function = s.fn;
  if (s.pre && s.pre.length > 0) frame.pre_context = s.pre;
  if (s.code !== undefined) frame.context_line = s.code;
  if (s.post && s.post.length > 0) frame.post_context = s.post;
  if (s.vars && Object.keys(s.vars).length > 0) frame.vars = s.vars;
  return frame;
}

const SHOP = "/var/www/storefront";
const shop = (s: FrameSpec) => phpFrame(SHOP, s);
const V = `${SHOP}/vendor/laravel/framework/src/Illuminate`;

/** public/index.php → the router → a controller action: what every Laravel 11 HTTP stack starts with. */
const laravelHttpFrames = (controllerFrame: Record<string, unknown>) => [
  shop({
    file: `${SHOP}/public/index.php`,
    line: 17,
    inApp: true,
    pre: ["// Bootstrap the framework and let it take the request", "/** @var Application $app */", "$app = require_once __DIR__.'/../bootstrap/app.php';", ""],
    code: "$app->handleRequest(Request::capture());",
    post: [],
  }),
  shop({ file: `${V}/Foundation/Application.php`, line: 1190, fn: "Illuminate\\Foundation\\Application::handleRequest", inApp: false, pre: ["        $kernel = $this->make(HttpKernelContract::class);", ""], code: "        $response = $kernel->handle($request)->send();", post: ["", "        $kernel->terminate($request, $response);"], vars: { request: "Object Illuminate\\Http\\Request" } }),
  shop({ file: `${V}/Foundation/Http/Kernel.php`, line: 145, fn: "Illuminate\\Foundation\\Http\\Kernel::handle", inApp: false, pre: ["        try {", "            $request->enableHttpMethodParameterOverride();"], code: "            $response = $this->sendRequestThroughRouter($request);", post: ["        } catch (Throwable $e) {", "            $this->reportException($e);"] }),
  shop({ file: `${V}/Foundation/Http/Kernel.php`, line: 175, fn: "Illuminate\\Foundation\\Http\\Kernel::sendRequestThroughRouter", inApp: false, code: "                    ->then($this->dispatchToRouter());" }),
  shop({ file: `${V}/Pipeline/Pipeline.php`, line: 127, fn: "Illuminate\\Pipeline\\Pipeline::then", inApp: false, code: "        return $pipeline($this->passable);" }),
  shop({ file: `${V}/Routing/Router.php`, line: 807, fn: "Illuminate\\Routing\\Router::runRouteWithinStack", inApp: false, code: "                    $request, $route->run()" }),
  shop({ file: `${V}/Routing/Route.php`, line: 212, fn: "Illuminate\\Routing\\Route::runController", inApp: false, code: "            return $this->runController();" }),
  shop({ file: `${V}/Routing/ControllerDispatcher.php`, line: 46, fn: "Illuminate\\Routing\\ControllerDispatcher::dispatch", inApp: false, code: "        return $controller->{$method}(...array_values($parameters));" }),
  controllerFrame,
];

const checkoutControllerFrame = shop({
  file: `${SHOP}/app/Http/Controllers/CheckoutController.php`,
  line: 42,
  fn: "App\\Http\\Controllers\\CheckoutController::store",
  inApp: true,
  pre: ["    public function store(CheckoutRequest $request, Cart $cart): RedirectResponse", "    {", "        $order = $this->orders->placeFromCart($cart, $request->validated());", "", "        try {"],
  code: "            $this->payments->capture($order);",
  post: ["        } catch (PaymentFailedException $e) {", "            report($e);", "", "            return back()->withErrors(['payment' => __('checkout.payment_failed')]);", "        }"],
  vars: { request: "Object App\\Http\\Requests\\CheckoutRequest", cart: "Object App\\Models\\Cart" },
});

interface CheckoutVariant {
  /** Lines added at the top of PaymentGateway.php since the first report (a new `use`, say). */
  shift: number;
  orderNumber: string;
  timeoutMs: number;
  /** PHP 8.4 names closures "{closure:Class::method():LINE}"; PHP ≤ 8.3 "Namespace\\{closure}". */
  php84: boolean;
}

const GATEWAY = `${SHOP}/app/Services/Payments/PaymentGateway.php`;
const HTTP_CLIENT = `${V}/Http/Client/PendingRequest.php`;
const HELPERS = `${V}/Support/helpers.php`;

/** The frames a ConnectionException / ConnectException share: up to the closure given to retry(). */
function gatewayRetryFrames(v: CheckoutVariant): Record<string, unknown>[] {
  const retryLine = 53 + v.shift;
  const closure = v.php84
    ? `App\\Services\\Payments\\PaymentGateway::{closure:App\\Services\\Payments\\PaymentGateway::capture():${retryLine}}`
    : "App\\Services\\Payments\\PaymentGateway::App\\Services\\Payments\\{closure}";
  return [
    ...laravelHttpFrames(checkoutControllerFrame),
    shop({ file: GATEWAY, line: retryLine, fn: "App\\Services\\Payments\\PaymentGateway::capture", inApp: true, pre: ["    {", "        $payload = $this->payloadFor($order);", ""], code: "            $response = retry(2, function () use ($payload) {", post: ["                return $this->http->post('/v2/captures', $payload)->throw();", "            }, 250);"], vars: { order: "Object App\\Models\\Order" } }),
    shop({ file: HELPERS, line: 250, fn: "retry", inApp: false, code: "            return $callback($attempts);", vars: { times: "2", callback: `Lambda ${v.php84 ? `{closure:App\\Services\\Payments\\PaymentGateway::capture():${retryLine}}` : "App\\Services\\Payments\\{closure}"}`, sleepMilliseconds: "250" } }),
    shop({ file: GATEWAY, line: retryLine + 1, fn: closure, inApp: true, pre: ["        try {"], code: "                return $this->http->post('/v2/captures', $payload)->throw();", post: ["            }, 250);"], vars: { attempts: "1" } }),
    shop({ file: HTTP_CLIENT, line: 806, fn: "Illuminate\\Http\\Client\\PendingRequest::post", inApp: false, code: "        return $this->send('POST', $url, [" }),
  ];
}

/** Laravel's HTTP client turns Guzzle's ConnectException into its own ConnectionException, which the app wraps. */
function checkoutException(v: CheckoutVariant): Record<string, unknown> {
  const throwLine = 57 + v.shift;
  const curlMessage = `cURL error 28: Operation timed out after ${v.timeoutMs} milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.paygate.example/v2/captures`;
  const sendFrames = [
    shop({ file: HTTP_CLIENT, line: 910, fn: "Illuminate\\Http\\Client\\PendingRequest::send", inApp: false, code: "        return retry($this->tries ?? 1, function ($attempt) use ($method, $url, $options, &$shouldRetry) {" }),
    shop({ file: HELPERS, line: 250, fn: "retry", inApp: false, code: "            return $callback($attempts);" }),
  ];
  const handled = { type: "generic", handled: true };
  return {
    values: [
      {
        type: "GuzzleHttp\\Exception\\ConnectException",
        value: curlMessage,
        stacktrace: {
          frames: [
            ...gatewayRetryFrames(v),
            ...sendFrames,
            shop({ file: HTTP_CLIENT, line: 942, fn: "Illuminate\\Http\\Client\\PendingRequest::Illuminate\\Http\\Client\\{closure}", inApp: false, code: "                    return tap($this->newResponse($this->sendRequest($method, $url, $options)), function ($response) {" }),
            shop({ file: HTTP_CLIENT, line: 1203, fn: "Illuminate\\Http\\Client\\PendingRequest::sendRequest", inApp: false, code: "        return $this->buildClient()->$clientMethod($method, $url, $this->mergeOptions([" }),
            shop({ file: `${SHOP}/vendor/guzzlehttp/guzzle/src/Client.php`, line: 189, fn: "GuzzleHttp\\Client::request", inApp: false, code: "        return $this->requestAsync($method, $uri, $options)->wait();" }),
            shop({ file: `${SHOP}/vendor/guzzlehttp/promises/src/Promise.php`, line: 64, fn: "GuzzleHttp\\Promise\\Promise::wait", inApp: false, code: "        $this->waitIfPending();" }),
            shop({ file: `${SHOP}/vendor/guzzlehttp/promises/src/Promise.php`, line: 248, fn: "GuzzleHttp\\Promise\\Promise::waitIfPending", inApp: false, code: "            $this->invokeWaitFn();" }),
            shop({ file: `${SHOP}/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php`, line: 110, fn: "GuzzleHttp\\Handler\\CurlFactory::finish", inApp: false, code: "            return self::finishError($handler, $easy, $factory);" }),
            shop({ file: `${SHOP}/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php`, line: 276, fn: "GuzzleHttp\\Handler\\CurlFactory::createRejection", inApp: false, code: "            ? new ConnectException($message, $easy->request, null, $ctx)", vars: { easy: "Object GuzzleHttp\\Handler\\EasyHandle", ctx: { errno: "28", error: "Operation timed out", http_code: "0" } } }),
          ],
        },
        mechanism: handled,
      },
      {
        type: "Illuminate\\Http\\Client\\ConnectionException",
        value: curlMessage,
        stacktrace: {
          frames: [
            ...gatewayRetryFrames(v),
            ...sendFrames,
            shop({ file: HTTP_CLIENT, line: 957, fn: "Illuminate\\Http\\Client\\PendingRequest::Illuminate\\Http\\Client\\{closure}", inApp: false, code: "                    $exception = new ConnectionException($e->getMessage(), 0, $e);" }),
          ],
        },
        mechanism: handled,
      },
      {
        type: "App\\Exceptions\\PaymentFailedException",
        value: `Payment for order #${v.orderNumber} could not be captured`,
        stacktrace: {
          frames: [
            ...laravelHttpFrames(checkoutControllerFrame),
            shop({
              file: GATEWAY,
              line: throwLine,
              fn: "App\\Services\\Payments\\PaymentGateway::capture",
              inApp: true,
              pre: ["                return $this->http->post('/v2/captures', $payload)->throw();", "            }, 250);", "        } catch (ConnectionException $e) {"],
              code: "            throw new PaymentFailedException(\"Payment for order #{$order->number} could not be captured\", previous: $e);",
              post: ["        }", "", "        return Capture::fromResponse($response);", "    }"],
              vars: { order: "Object App\\Models\\Order" },
            }),
          ],
        },
        mechanism: handled,
      },
    ],
  };
}

const shopOs = { name: "Linux", version: "6.8.0-1019-aws", build: "#21-Ubuntu SMP Wed Feb 18 11:02:40 UTC 2026", kernel_version: "Linux web-3 6.8.0-1019-aws #21-Ubuntu SMP Wed Feb 18 11:02:40 UTC 2026 x86_64" };
const laravelSdk = { name: "sentry.php.laravel", version: "4.26.0", packages: [{ name: "composer:sentry/sentry", version: "4.29.0" }] };
const coreSdk = { name: "sentry.php", version: "4.29.0", packages: [{ name: "composer:sentry/sentry", version: "4.29.0" }] };

const checkoutRequest = {
  url: "https://shop.example.org/checkout/c_81f2",
  method: "POST",
  env: { REMOTE_ADDR: "198.51.100.23" },
  cookies: { laravel_session: "eyJpdiI6IkR3a2pQ", "XSRF-TOKEN": "eyJpdiI6Im5rR0" },
  // PSR-7 getHeaders(): every header is a list of values.
  headers: {
    host: ["shop.example.org"],
    "user-agent": ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"],
    accept: ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"],
    "content-type": ["application/x-www-form-urlencoded"],
    "accept-language": ["de-DE,de;q=0.9"],
  },
  data: { shipping_method: "express", accept_terms: "1" },
};

/** report($e) of a PaymentFailedException in a Laravel 11 controller (handled: the report() helper was on the stack). */
export function laravelCheckoutEvent(v: CheckoutVariant = { shift: 0, orderNumber: "10482", timeoutMs: 10001, php84: false }, timestamp = 1773152524.621307) {
  return {
    timestamp,
    platform: "php",
    sdk: laravelSdk,
    transaction: "/checkout/{cart}",
    server_name: "web-3",
    release: SHOP_RELEASE,
    environment: "production",
    modules: { "laravel/framework": "v11.44.2", "guzzlehttp/guzzle": "7.9.2", "sentry/sentry": "4.29.0", "sentry/sentry-laravel": "4.26.0" },
    // ExceptionContextIntegration: the exception's context() method.
    extra: { exception_context: { order_number: v.orderNumber, gateway: "paygate" } },
    tags: { tenant: "acme-eu", "checkout.step": "payment" },
    // UserDataBag: metadata merged with id/username/email/ip_address/segment, nulls included; Laravel's id is the auth identifier (an int).
    user: { id: 5531, username: null, email: "zoe.kim@example.org", ip_address: "198.51.100.23", segment: null },
    contexts: {
      os: shopOs,
      runtime: { name: "php", sapi: "fpm-fcgi", version: v.php84 ? "8.4.4" : "8.3.14" },
      trace: { trace_id: TRACE_ID, span_id: "9c2a4e6b8d0f1a3c" },
    },
    breadcrumbs: {
      values: [
        { type: "navigation", category: "route", level: "info", timestamp: timestamp - 0.41, message: "/checkout/{cart}" },
        { type: "default", category: "db.sql.query", level: "info", timestamp: timestamp - 0.38, message: "select * from `carts` where `public_id` = ? limit 1", data: { connectionName: "mysql", executionTimeMs: 0.91 } },
        { type: "default", category: "db.sql.query", level: "info", timestamp: timestamp - 0.33, message: "insert into `orders` (`cart_id`, `number`, `total_cents`) values (?, ?, ?)", data: { connectionName: "mysql", executionTimeMs: 2.4 } },
        { type: "default", category: "log.warning", level: "warning", timestamp: timestamp - 0.05, message: "Payment gateway slow to answer, retrying", data: { attempt: 1 } },
      ],
    },
    request: checkoutRequest,
    exception: checkoutException(v),
  };
}

/** An uncaught DivisionByZeroError in a Laravel controller: Laravel's handler → captureUnhandledException (handled: false). */
export const laravelDiscountEvent = {
  timestamp: 1773156002.018544,
  platform: "php",
  sdk: laravelSdk,
  transaction: "/cart/{cart}",
  server_name: "web-1",
  release: SHOP_RELEASE,
  environment: "production",
  tags: { tenant: "acme-eu" },
  user: { id: 7720, username: null, email: null, ip_address: "203.0.113.77", segment: null },
  contexts: { os: shopOs, runtime: { name: "php", sapi: "fpm-fcgi", version: "8.3.14" }, trace: { trace_id: "5e1c3a7d9b2f4c6e8a0b1d3f5a7c9e2b", span_id: "1d3f5b7a9c2e4f6a" } },
  request: { url: "https://shop.example.org/cart/c_93aa", method: "GET", env: { REMOTE_ADDR: "203.0.113.77" }, cookies: {}, headers: { host: ["shop.example.org"], "user-agent": ["Mozilla/5.0 (X11; Linux x86_64; rv:136.0) Gecko/20100101 Firefox/136.0"] } },
  exception: {
    values: [
      {
        type: "DivisionByZeroError",
        value: "Division by zero",
        stacktrace: {
          frames: [
            ...laravelHttpFrames(shop({ file: `${SHOP}/app/Http/Controllers/CartController.php`, line: 27, fn: "App\\Http\\Controllers\\CartController::show", inApp: true, code: "        $lines = $this->discounts->applyTo($cart->lines, $cart->coupon);" })),
            shop({ file: `${SHOP}/app/Services/Pricing/DiscountCalculator.php`, line: 22, fn: "App\\Services\\Pricing\\DiscountCalculator::applyTo", inApp: true, code: "        return $lines->map(fn (CartLine $line) => $line->withPrice($this->percentOff($line, $coupon)));" }),
            shop({ file: `${V}/Collections/Collection.php`, line: 797, fn: "Illuminate\\Support\\Collection::map", inApp: false, code: "        return new static(Arr::map($this->items, $callback));" }),
            shop({ file: `${V}/Collections/Arr.php`, line: 609, fn: "Illuminate\\Support\\Arr::map", inApp: false, code: "        $items = array_map($callback, $array, $keys);" }),
            shop({ file: "[internal]", line: 0, fn: "array_map", inApp: false }),
            shop({ file: `${SHOP}/app/Services/Pricing/DiscountCalculator.php`, line: 22, fn: "App\\Services\\Pricing\\DiscountCalculator::App\\Services\\Pricing\\{closure}", inApp: true, code: "        return $lines->map(fn (CartLine $line) => $line->withPrice($this->percentOff($line, $coupon)));" }),
            shop({
              file: `${SHOP}/app/Services/Pricing/DiscountCalculator.php`,
              line: 31,
              fn: "App\\Services\\Pricing\\DiscountCalculator::percentOff",
              inApp: true,
              pre: ["    private function percentOff(CartLine $line, ?Coupon $coupon): int", "    {", "        $base = $line->unit_price_cents * $line->quantity;", ""],
              code: "        return intdiv($base * $coupon->percent, $coupon->minimum_quantity) / $line->quantity;",
              post: ["    }", "}"],
            }),
          ],
        },
        mechanism: { type: "generic", handled: false },
      },
    ],
  },
};

// --- plain sentry/sentry 4.x in a CLI worker ----------------------------------------------------------

const IMPORTER = "/srv/catalog-importer";
const importer = (s: FrameSpec) => phpFrame(IMPORTER, s);
const importerOs = { name: "Linux", version: "6.1.0-31-amd64", build: "#1 SMP PREEMPT_DYNAMIC Debian 6.1.128-1 (2026-02-07)", kernel_version: "Linux batch-2 6.1.0-31-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.128-1 (2026-02-07) x86_64" };

/**
 * A fatal error (memory limit) caught by FatalErrorListenerIntegration: ErrorHandler builds a
 * Sentry\Exception\FatalErrorException from error_get_last() and empties its trace, so the one frame is the
 * fatal line without a function; level from Severity::fromError(E_ERROR) = fatal; the listener sets
 * mechanism handled:false keeping data.code.
 */
export function importerFatalEvent(kind: "memory" | "timeout" = "memory") {
  const memory = kind === "memory";
  return {
    timestamp: memory ? 1773112541.337901 : 1773116190.004211,
    platform: "php",
    sdk: coreSdk,
    level: "fatal",
    server_name: "batch-2",
    release: IMPORTER_RELEASE,
    environment: "production",
    tags: { feed: "suppliers-eu" },
    contexts: {
      os: importerOs,
      runtime: { name: "php", sapi: "cli", version: "8.3.14" },
      trace: { trace_id: "7a9c1e3b5d7f4a2c8e0b2d4f6a8c1e3d", span_id: "2b4d6f8a1c3e5a7b" },
    },
    exception: {
      values: [
        {
          type: "Sentry\\Exception\\FatalErrorException",
          value: memory ? "Error: Allowed memory size of 268435456 bytes exhausted (tried to allocate 134217736 bytes)" : "Error: Maximum execution time of 300 seconds exceeded",
          stacktrace: {
            frames: [
              memory
                ? importer({
                    file: `${IMPORTER}/src/Import/FeedParser.php`,
                    line: 88,
                    inApp: true,
                    pre: ["        foreach ($this->chunks($stream) as $chunk) {", "            // decode every chunk before validating, see IMP-212"],
                    code: "            $rows = array_merge($rows, $this->decodeChunk($chunk));",
                    post: ["        }", ""],
                  })
                : importer({
                    file: `${IMPORTER}/src/Import/FeedParser.php`,
                    line: 141,
                    inApp: true,
                    pre: ["        while (!$this->lock->acquire()) {"],
                    code: "            usleep(0);",
                    post: ["        }"],
                  }),
            ],
          },
          mechanism: { type: "generic", handled: false, data: { code: 0 } },
        },
      ],
    },
  };
}

/**
 * A message built by the app with parameters, captured with attach_stacktrace on:
 * `Event::createEvent()->setMessage('Import of feed %s skipped %d rows', [...])`, then captureEvent. The
 * SDK sends `message: {message, params, formatted}`; its attached stack (Client::addMissingStacktraceToEvent)
 * ends in the SDK's own frames (in_app false: functions in the Sentry\ namespace).
 */
export function importerParamMessageEvent() {
  const SENTRY_SRC = `${IMPORTER}/vendor/sentry/sentry/src`;
  return {
    timestamp: 1773110455.81922,
    platform: "php",
    sdk: coreSdk,
    server_name: "batch-2",
    release: IMPORTER_RELEASE,
    environment: "production",
    extra: { feed_url: "sftp://feeds.example.com/eu/latest.csv.gz" },
    tags: { feed: "suppliers-eu" },
    contexts: { os: importerOs, runtime: { name: "php", sapi: "cli", version: "8.3.14" }, trace: { trace_id: "7a9c1e3b5d7f4a2c8e0b2d4f6a8c1e3d", span_id: "8f0a2c4e6b8d1f3a" } },
    message: { message: "Import of feed %s skipped %d rows", params: ["suppliers-eu", 37], formatted: "Import of feed suppliers-eu skipped 37 rows" },
    stacktrace: {
      frames: [
        importer({ file: `${IMPORTER}/bin/import.php`, line: 21, inApp: true, code: "exit($importer->run($argv[1] ?? 'suppliers-eu'));" }),
        importer({ file: `${IMPORTER}/src/Import/Importer.php`, line: 64, fn: "App\\Import\\Importer::run", inApp: true, code: "            \\Sentry\\captureEvent($event);", vars: { feed: "suppliers-eu" } }),
        importer({ file: `${SENTRY_SRC}/functions.php`, line: 106, fn: "Sentry\\captureEvent", inApp: false, code: "    return SentrySdk::getCurrentHub()->captureEvent($event, $hint);" }),
        importer({ file: `${SENTRY_SRC}/State/Hub.php`, line: 160, fn: "Sentry\\State\\Hub::captureEvent", inApp: false, code: "            return $this->lastEventId = $client->captureEvent($event, $hint, $this->getScope());" }),
        importer({ file: `${SENTRY_SRC}/Client.php`, line: 183, fn: "Sentry\\Client::captureEvent", inApp: false, code: "            $event = $this->prepareEvent($event, $hint, $scope);" }),
        importer({ file: `${SENTRY_SRC}/Client.php`, line: 298, fn: "Sentry\\Client::prepareEvent", inApp: false, code: "        $this->addMissingStacktraceToEvent($event);" }),
        importer({ file: `${SENTRY_SRC}/Client.php`, line: 518, fn: "Sentry\\Client::addMissingStacktraceToEvent", inApp: false, code: "        $event->setStacktrace($this->stacktraceBuilder->buildFromBacktrace(" }),
      ],
    },
  };
}

/**
 * Laravel's `sentry` log channel (SentryHandler): Log::warning(...) becomes captureMessage with the record's
 * message as sent (PHP interpolated the id), level from the Monolog level, logger = the Monolog channel name,
 * the record's context under extra.log_context, and the timestamp set from the record's DateTime
 * (getTimestamp(): whole seconds, an integer).
 */
export function laravelLogWarningEvent(productId = 4821, left = 2, timestamp = 1773219912) {
  return {
    timestamp,
    platform: "php",
    sdk: laravelSdk,
    level: "warning",
    logger: "production",
    server_name: "worker-1",
    release: SHOP_RELEASE,
    environment: "production",
    extra: { log_context: { warehouse: "WH-2", reorder_point: 5 } },
    contexts: { os: shopOs, runtime: { name: "php", sapi: "cli", version: "8.3.14" }, trace: { trace_id: "2c4e6a8b0d1f3a5c7e9b1d3f5a7c9e0b", span_id: "6a8c0e2b4d6f8a1c" } },
    breadcrumbs: { values: [{ type: "default", category: "db.sql.query", level: "info", timestamp: timestamp - 0.2, message: "select `id`, `stock` from `products` where `stock` < `reorder_point`", data: { connectionName: "mysql", executionTimeMs: 14.2 } }] },
    message: `Stock for product ${productId} fell below the reorder threshold (${left} left)`,
  };
}

/**
 * sentry/sentry's Monolog Handler (src/Monolog/Handler.php) given a record with an exception in its context:
 * one event with the record's message, `logger: "monolog.<channel>"`, the Monolog level, the channel and
 * level under extra, and the exception from the hint (default mechanism: generic, handled, data.code).
 */
export const monologExceptionEvent = {
  timestamp: 1773111020.55,
  platform: "php",
  sdk: coreSdk,
  level: "error",
  logger: "monolog.import",
  server_name: "batch-2",
  release: IMPORTER_RELEASE,
  environment: "production",
  extra: { "monolog.channel": "import", "monolog.level": "ERROR" },
  tags: { feed: "suppliers-eu" },
  contexts: { os: importerOs, runtime: { name: "php", sapi: "cli", version: "8.3.14" }, trace: { trace_id: "7a9c1e3b5d7f4a2c8e0b2d4f6a8c1e3d", span_id: "3c5e7a9b1d3f5a7c" } },
  message: "Feed row rejected",
  exception: {
    values: [
      {
        type: "App\\Import\\InvalidRowException",
        value: 'Row 1043: price "12,5O" is not a number',
        stacktrace: {
          frames: [
            importer({ file: `${IMPORTER}/bin/import.php`, line: 21, inApp: true, code: "exit($importer->run($argv[1] ?? 'suppliers-eu'));" }),
            importer({ file: `${IMPORTER}/src/Import/Importer.php`, line: 48, fn: "App\\Import\\Importer::run", inApp: true, code: "                $this->rows->validate($row);" }),
            importer({ file: `${IMPORTER}/src/Import/RowValidator.php`, line: 35, fn: "App\\Import\\RowValidator::validate", inApp: true, code: "            throw InvalidRowException::notANumber($row->number, 'price', $row->price);" }),
            importer({ file: `${IMPORTER}/src/Import/InvalidRowException.php`, line: 14, fn: "App\\Import\\InvalidRowException::notANumber", inApp: true, code: "        return new self(sprintf('Row %d: %s \"%s\" is not a number', $line, $field, $value));" }),
          ],
        },
        mechanism: { type: "generic", handled: true, data: { code: 0 } },
      },
    ],
  },
};

// --- envelopes ---------------------------------------------------------------------------------------

/** PHP's json_encode without JSON_UNESCAPED_SLASHES writes "/" as "\/"; every "/" of an envelope is inside a JSON string. */
function withPhpEscapedSlashes(envelope: Buffer): Buffer {
  return Buffer.from(envelope.toString("utf8").replaceAll("/", "\\/"), "utf8");
}

/** PayloadSerializer::serialize for an error event (4.x). */
export function phpEnvelope(eventId: string, payload: Record<string, unknown>, opts: { sentAt: string; sdk: Record<string, unknown>; release: string }): Buffer {
  const header = {
    sent_at: opts.sentAt,
    dsn: PHP_DSN,
    sdk: opts.sdk,
    event_id: eventId,
    trace: { trace_id: TRACE_ID, sample_rand: "0.412075", public_key: PHP_PUBLIC_KEY, release: opts.release, environment: "production" },
  };
  return withPhpEscapedSlashes(buildEnvelope(header, [{ header: { type: "event", content_type: "application/json" }, payload }]));
}

const shopEnvelope = (eventId: string, payload: Record<string, unknown>, sentAt: string) => phpEnvelope(eventId, payload, { sentAt, sdk: laravelSdk, release: SHOP_RELEASE });
const importerEnvelope = (eventId: string, payload: Record<string, unknown>, sentAt: string) => phpEnvelope(eventId, payload, { sentAt, sdk: coreSdk, release: IMPORTER_RELEASE });

export const phpEnvelopes = {
  checkout: shopEnvelope(PHP_EVENT_IDS.checkout, laravelCheckoutEvent(), "2026-03-10T14:22:04Z"),
  /** The same bug after a deploy that added two lines at the top of PaymentGateway.php, for another order. */
  checkoutAgain: shopEnvelope(PHP_EVENT_IDS.checkoutAgain, laravelCheckoutEvent({ shift: 2, orderNumber: "10517", timeoutMs: 10002, php84: false }, 1773170433.402118), "2026-03-10T19:20:33Z"),
  discount: shopEnvelope(PHP_EVENT_IDS.discount, laravelDiscountEvent, "2026-03-10T15:20:02Z"),
  fatal: importerEnvelope(PHP_EVENT_IDS.fatal, importerFatalEvent("memory"), "2026-03-10T03:15:41Z"),
  fatalTimeout: importerEnvelope(PHP_EVENT_IDS.fatalTimeout, importerFatalEvent("timeout"), "2026-03-10T04:16:30Z"),
  logWarning: shopEnvelope(PHP_EVENT_IDS.logWarning, laravelLogWarningEvent(), "2026-03-11T09:05:12Z"),
  logWarningAgain: shopEnvelope(PHP_EVENT_IDS.logWarningAgain, laravelLogWarningEvent(977, 0, 1773223511), "2026-03-11T10:05:11Z"),
  paramMessage: importerEnvelope(PHP_EVENT_IDS.paramMessage, importerParamMessageEvent(), "2026-03-10T02:40:55Z"),
  monologException: importerEnvelope(PHP_EVENT_IDS.monologException, monologExceptionEvent, "2026-03-10T02:50:20Z"),
  /** The checkout bug on PHP 8.4, before and after the same two-line shift. */
  checkoutPhp84: shopEnvelope(PHP_EVENT_IDS.checkoutPhp84, laravelCheckoutEvent({ shift: 0, orderNumber: "10601", timeoutMs: 10001, php84: true }, 1773180000.125), "2026-03-10T22:00:00Z"),
  checkoutPhp84Again: shopEnvelope(PHP_EVENT_IDS.checkoutPhp84Again, laravelCheckoutEvent({ shift: 2, orderNumber: "10622", timeoutMs: 10001, php84: true }, 1773190000.5), "2026-03-11T00:46:40Z"),
};

/**
 * sentry/sentry 3.22.1 without tracing: the store endpoint's body (PayloadSerializer::toArray). event_id in
 * the payload, sdk {name, version} only, runtime context without sapi; otherwise the 4.x shape.
 */
export const legacyStoreEvent = {
  event_id: PHP_EVENT_IDS.legacyStore,
  timestamp: 1773120777.5021,
  platform: "php",
  sdk: { name: "sentry.php", version: "3.22.1" },
  server_name: "legacy-1",
  release: "legacy-shop@5.2.0",
  environment: "staging",
  user: { id: "u-190", username: "ops-bot", email: null, ip_address: null, segment: null },
  contexts: { os: { name: "Linux", version: "5.15.0-130-generic", build: null, kernel_version: null }, runtime: { name: "php", version: "7.4.33" } },
  exception: {
    values: [
      {
        type: "PDOException",
        value: "SQLSTATE[HY000] [2002] Connection refused",
        stacktrace: {
          frames: [
            phpFrame("/var/www/legacy", { file: "/var/www/legacy/web/index.php", line: 9, inApp: true, code: "$kernel->run();" }),
            phpFrame("/var/www/legacy", { file: "/var/www/legacy/src/Stock/StockRepository.php", line: 33, fn: "Legacy\\Stock\\StockRepository::reserve", inApp: true, code: "        $pdo = $this->connect();" }),
            phpFrame("/var/www/legacy", { file: "/var/www/legacy/src/Db/Connection.php", line: 18, fn: "Legacy\\Db\\Connection::open", inApp: true, code: "        return new \\PDO($this->dsn, $this->user, $this->password);" }),
            phpFrame("/var/www/legacy", { file: "/var/www/legacy/src/Db/Connection.php", line: 18, fn: "PDO::__construct", inApp: true, code: "        return new \\PDO($this->dsn, $this->user, $this->password);" }),
          ],
        },
        mechanism: { type: "generic", handled: true, data: { code: 2002 } },
      },
      {
        type: "RuntimeException",
        value: "Could not reserve stock for order 88",
        stacktrace: {
          frames: [
            phpFrame("/var/www/legacy", { file: "/var/www/legacy/web/index.php", line: 9, inApp: true, code: "$kernel->run();" }),
            phpFrame("/var/www/legacy", { file: "/var/www/legacy/src/Stock/StockRepository.php", line: 36, fn: "Legacy\\Stock\\StockRepository::reserve", inApp: true, code: "            throw new \\RuntimeException(\"Could not reserve stock for order {$orderId}\", 0, $e);" }),
          ],
        },
        mechanism: { type: "generic", handled: true, data: { code: 0 } },
      },
    ],
  },
};

/** The 3.x store body as PHP encodes it. */
export const legacyStoreBody = Buffer.from(JSON.stringify(legacyStoreEvent).replaceAll("/", "\\/"), "utf8");
