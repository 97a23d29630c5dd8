import { RUST_CRATE_DISAMBIGUATOR } from "@/lib/ingest/stacktrace/parseRust";

/**
 * Code that is not the application's, for frames whose client did not say (and over an SDK's
 * in_app=true, as the server-side enhancements of every error tracker do). Kept as data so the
 * lists can grow without touching the logic.
 */

/**
 * Dependency and runtime install locations; matched against "/" + the lower-cased path (backslashes
 * made slashes). Python on Windows keeps its standard library in `…\Python312\Lib\`.
 */
export const LIBRARY_PATH =
  /\/(?:node_modules|bower_components|\.yarn|\.pnpm|jspm_packages|site-packages|dist-packages|vendor|gems|bundle\/ruby|pkg\/mod|\.cargo\/registry)\/|^\/usr\/(?:local\/)?(?:lib|share)\/|\/usr\/local\/go\/|\/lib\/(?:python\d|ruby\/)|\/(?:python\d{0,4}|anaconda\d?|miniconda\d?)\/lib\/|\/go\/src\/(?:runtime|net|internal)\/|@v\d+\.\d+[^/]*\/|^\/?webpack\/(?:bootstrap|runtime)|^\/?(?:chrome|moz|safari(?:-web)?)-extension:|^\/?webkit-masked-url:/;

/**
 * Modules a JavaScript runtime or page loads straight from a registry or CDN (Deno's and JSR's URL
 * imports, esm.sh, import maps, script tags): dependencies, never the app's own bundle — which may be
 * served from an https URL too.
 */
export const REMOTE_LIBRARY_URL = /^https?:\/\/(?:deno\.land\/(?:std|x)[@/]|jsr\.io\/|esm\.sh\/|cdn\.jsdelivr\.net\/|unpkg\.com\/|cdn\.skypack\.dev\/|ga\.jspm\.io\/)/i;

/**
 * Locations that are runtime internals rather than files (node:internal, <frozen …>, [native code],
 * self-hosted, Bun's, and Deno's built-in extensions: `ext:core/01_core.js`, `ext:cli/40_test.js`,
 * `ext:deno_fetch/22_body.js`).
 */
export const INTERNAL_PATH = /^(?:node:|internal\/|<|\[|native$|self-hosted$|evalmachine\.|wasm:|bun:|ext:)/;

/** JVM frameworks and libraries (package prefixes). */
export const JVM_LIBRARY =
  /^(?:java|javax|jakarta|jdk|sun|com\.sun|com\.android|libcore|kotlin|kotlinx|scala|android|androidx|dalvik|groovy|clojure|org\.springframework|org\.apache|org\.hibernate|org\.eclipse|org\.glassfish|org\.jboss|org\.postgresql|org\.h2|org\.flywaydb|org\.liquibase|org\.slf4j|org\.junit|org\.mockito|org\.aspectj|org\.jetbrains|org\.jooq|org\.thymeleaf|org\.codehaus|org\.mongodb|org\.elasticsearch|org\.reactivestreams|io\.netty|io\.undertow|io\.micronaut|io\.quarkus|io\.vertx|io\.ktor|io\.grpc|io\.reactivex|io\.projectreactor|reactor|io\.micrometer|io\.opentelemetry|io\.sentry|io\.lettuce|io\.github\.resilience4j|com\.fasterxml|com\.facebook\.react|com\.facebook\.hermes|com\.facebook\.soloader|com\.facebook\.jni|com\.google|com\.zaxxer|com\.mysql|com\.mongodb|com\.amazonaws|software\.amazon|com\.azure|com\.netflix|com\.typesafe|com\.squareup|okhttp3|okio|retrofit2|feign|akka|play|redis\.clients|ch\.qos|net\.bytebuddy|net\.sf|freemarker|oracle|lombok)(?:\.|$)/;

/** .NET platform and common packages (namespace prefixes). */
export const DOTNET_LIBRARY =
  /^(?:System|Microsoft|UnityEngine|UnityEditor|Newtonsoft|Npgsql|Dapper|Polly|MediatR|Serilog|NLog|log4net|AutoMapper|StackExchange|Grpc|Google|Hangfire|MassTransit|FluentValidation|Castle|Autofac|Sentry|Swashbuckle|RabbitMQ|Confluent|Amazon|Azure|Pomelo|Oracle|MySqlConnector|Quartz|Refit|NServiceBus|Orleans|Nest|Elasticsearch|Xunit|NUnit|Moq)(?:\.|$)/;

/** PHP frameworks (namespace prefixes, backslash-separated). */
export const PHP_LIBRARY = /^\\?(?:Illuminate|Symfony|Laravel|Doctrine|GuzzleHttp|Monolog|Psr|Composer|PHPUnit|Slim|Laminas|Zend|Twig|Predis|Sentry|Livewire|Inertia|Carbon|League)\\/;

/**
 * Python packages whose frames are framework code even when an SDK labels them in-app, and the
 * standard library's modules that stacks run through: sentry-python leaves those unmarked, and on
 * Windows (`C:\…\Python312\Lib\logging\__init__.py`) no library path says what they are.
 */
export const PYTHON_LIBRARY =
  /^(?:abc|argparse|base64|codecs|collections|concurrent|configparser|contextlib|copy|csv|dataclasses|datetime|decimal|email|encodings|enum|functools|genericpath|gzip|http|inspect|json|logging|ntpath|os|pathlib|pickle|posixpath|queue|re|selectors|shutil|smtplib|socket|socketserver|sqlite3|ssl|subprocess|tempfile|traceback|typing|unittest|urllib|uuid|warnings|wsgiref|xml|xmlrpc|zipfile|django|flask|werkzeug|fastapi|starlette|uvicorn|gunicorn|celery|kombu|sqlalchemy|psycopg2?|asyncpg|requests|urllib3|httpx|httpcore|aiohttp|anyio|asyncio|threading|multiprocessing|importlib|runpy|pydantic|rest_framework|sentry_sdk|billiard|redis|boto3|botocore|grpc|tornado|twisted|pymongo|jinja2)(?:\.|$)/;

/** Top-level packages of Go's standard library ("runtime", "net/http", "internal/poll", …). */
export const GO_STDLIB = new Set(
  "archive bufio bytes cmp compress container context crypto database debug embed encoding errors expvar flag fmt go hash html image index internal io iter log maps math mime net os path plugin reflect regexp runtime slices sort strconv strings sync syscall testing text time unicode unique unsafe weak".split(" "),
);

/** Go packages of popular dependencies, for traces built with -trimpath and without module versions in paths. */
export const GO_LIBRARY = /^(?:github\.com\/(?:gin-gonic|labstack|gorilla|go-chi|gofiber|valyala|jackc|lib\/pq|go-sql-driver|jmoiron|redis|getsentry|sirupsen|uber-go|spf13|stretchr|grpc-ecosystem)|google\.golang\.org|golang\.org\/x|go\.uber\.org|gorm\.io|go\.opentelemetry\.io|k8s\.io)(?:\/|$)/;

/** Rust: the standard library and common crates (a frame's path starts with its crate, "<crate::Type as …>" included). */
const RUST_LIBRARY =
  /^<?(?:std|core|alloc|proc_macro|test|panic_unwind|backtrace|libc|tokio|tokio_util|hyper|hyper_util|h2|http|axum|axum_core|tower|tower_http|tower_service|tower_layer|futures|futures_util|futures_core|futures_executor|async_std|async_trait|actix_web|actix_rt|actix_http|actix_server|actix_service|warp|rocket|tonic|prost|serde|serde_json|sqlx|sqlx_core|diesel|reqwest|tracing|tracing_core|tracing_subscriber|anyhow|eyre|color_eyre|rayon|rayon_core|crossbeam|crossbeam_channel|sentry|sentry_core|sentry_panic)::/;
/** Rust toolchain sources (/rustc/<commit>/library/…) and crates downloaded by cargo. */
const RUST_LIBRARY_PATH = /^\/rustc\/|\/\.?cargo\/(?:registry|git)\//;
/** The panic machinery every Rust panic runs through: the same for every bug, never its identity. */
export const RUST_NOISE =
  /^(?:(?:__rustc::)?rust_begin_unwind|rust_panic|__rust_\w+|(?:core|std)::(?:panicking|rt|sys_common::backtrace|sys::backtrace|backtrace|backtrace_rs)::)|^core::(?:option|result)::unwrap_failed$|^(?:main|_start|__libc_start_main(?:_impl)?|__libc_start_call_main|start_thread|clone3?|__clone|BaseThreadInitThunk|RtlUserThreadStart)$/;
/** "<usize as core::slice::index::SliceIndex<[T]>>::index": a standard trait implemented for a primitive or standard type. */
const RUST_LIBRARY_IMPL = /^<(?:&(?:mut )?)?(?:\[|\(|(?:u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|bool|char|str|(?:std|core|alloc)::)[^ ]*) as /;

/** C/C++ runtime, Apple and Windows system functions (gdb, lldb and SDK frame names); Kotlin/Native's standard library and runtime. */
export const NATIVE_LIBRARY_FUNCTION =
  /^(?:kfun:kotlinx?\.|Konan_|Init_and_run_start$|__GI_|__libc_|__pthread|__assert_fail|abort$|_?_start$|start_thread$|__clone|clone3?$|std::|__gnu_cxx::|__cxxabiv1::|__cxa_|_Unwind_|objc_|_objc_|CF[A-Z]\w*$|[-+]\[(?:NS|UI|CA|CF)\w* |_dispatch_|dispatch_|_pthread_|UIApplicationMain$|NSApplicationMain$|swift_|_swift_|Swift\.|BaseThreadInitThunk$|RtlUserThreadStart$|__scrt_common_main|invoke_main$)/;
/**
 * The operating system's own libraries and frameworks, by name, wherever they were loaded from (Linux:
 * the C and C++ runtimes, the dynamic loader, the sanitizers' runtimes; Android's platform libraries;
 * Apple's system libraries and frameworks; Windows' system DLLs). An app's own shared library
 * ("libtiler.so", "/opt/tiler/lib/libcore.so.1") is the app's code: a name alone says nothing more.
 */
const NATIVE_LIBRARY_BINARY =
  /^(?:(?:libc|libm|libdl|librt|libpthread|libutil|libresolv|libcrypt|libnsl|libanl|libmvec|libstdc\+\+|libc\+\+|libc\+\+abi|libgcc_s|libatomic|libgomp|libunwind|libasan|libtsan|libubsan|liblsan|libmsan|libhwasan|libsystem_\w+|libSystem\.B|libobjc\.A|libobjc|libdispatch|libdyld|libxpc\.dylib|libswift\w*|liblog|libbinder|libutils|libcutils|libbase|libart|libhwui|libandroid_runtime|libandroid|libEGL|libGLESv\d\w*|libvulkan|libnativehelper|libjavacore|libopenjdk|libjvm)(?:[.-][\w.+-]*)?\.(?:so(?:\.\d+)*|dylib)|ld-(?:linux|musl)[\w.-]*\.so(?:\.\d+)*|linux-(?:vdso|gate)\.so(?:\.\d+)*)$|^(?:UIKitCore|UIKit|CoreFoundation|Foundation|GraphicsServices|SwiftUI|AppKit|QuartzCore|CFNetwork|dyld|FrontBoardServices|RunningBoardServices|AttributeGraph|Combine|CoreData|WebKit|Security|ntdll\.dll|kernel32\.dll|KERNELBASE\.dll|ucrtbase\.dll|vcruntime\d+\.dll|msvcp\d+\.dll|msvcrt\.dll|user32\.dll|win32u\.dll|gdi32\.dll|combase\.dll|rpcrt4\.dll|ole32\.dll|advapi32\.dll|ws2_32\.dll|sechost\.dll)$/i;
/**
 * Where the operating system keeps its libraries, and the sources and headers of its C library:
 * glibc sources as gdb prints them, /lib, /lib64, /usr/lib, /usr/lib64 (and /usr/include's headers,
 * the C++ standard library's code inlined into the app), Android's system partitions and APEX
 * modules, Apple's /System/Library and /usr/lib (in an iOS cryptex or a simulator runtime too) and
 * Xcode, C:\Windows. Not /usr/local, /usr/src, /usr/bin or /usr/share: an app is built and installed
 * there (a Docker image's /usr/src/app, `make install` into /usr/local/bin).
 */
const NATIVE_LIBRARY_PATH =
  /^\.\.\/sysdeps\/|^\.\/(?:nptl|stdlib|assert|csu|signal|string|libio|malloc|posix|elf|sysdeps)\/|\/glibc-[\d.]+\/|^\/(?:usr\/)?(?:lib|lib32|lib64|libx32)\/|^\/usr\/include\/|^\/(?:system|apex|vendor|system_ext)\/|^(?:\/private\/preboot\/Cryptexes\/OS|\/Library\/Developer\/CoreSimulator\/[^\s]{1,256}?\/RuntimeRoot)?\/(?:System\/Library|usr\/lib)\/|^\/Applications\/Xcode|^[a-z]:\/windows\//i;

/**
 * Dependencies built into the app's own binary, by where the package manager put their sources: SwiftPM
 * (".build/checkouts", Xcode's "SourcePackages/checkouts"), CocoaPods ("Pods"), Carthage, CMake's
 * FetchContent ("_deps"), vcpkg, Conan. Case-sensitive: an app's own "pods" folder is not CocoaPods'.
 */
export const NATIVE_DEPENDENCY_PATH = /\/(?:\.build\/checkouts|SourcePackages\/checkouts|Carthage\/Checkouts|Pods|_deps|vcpkg_installed|\.conan2?)\//;

/** A native frame's binary is a path in Sentry's `package` ("/private/var/…/<install id>/MyApp.app/MyApp", "C:\\Windows\\System32\\ntdll.dll"). */
function isNativeSystemBinary(binaryPath: string): boolean {
  const path = binaryPath.replace(/\\/g, "/");
  // An Android app's own libraries ("/data/app/~~…/com.acme-…/lib/arm64/libnative.so") are named lib*.so too.
  if (ANDROID_APP_BINARY.test(path)) return false;
  return NATIVE_LIBRARY_PATH.test(path) || NATIVE_LIBRARY_BINARY.test(path.slice(path.lastIndexOf("/") + 1));
}

/** Where Android installs an app's code (its APK, native libraries and compiled dex). */
export const ANDROID_APP_BINARY = /^\/data\/(?:app|data|user\/\d+)\//;
/** Abort, assert and unwind machinery: the same for every crash. */
export const NATIVE_NOISE =
  /^(?:__GI_raise|raise|__GI_abort|abort|__pthread_kill\w*|pthread_kill|__assert_fail\w*|__cxa_throw|__cxa_rethrow|_Unwind_\w+|std::terminate|__gnu_cxx::__verbose_terminate_handler|std::__terminate|__abort_message|abort_message|demangling_terminate_handler|_objc_terminate|__sigtramp|_sigtramp|__restore_rt)(?:\(|$)/;

/**
 * A Rust frame's full path: SDKs may send the module apart ("std::panicking" + "begin_panic"); a
 * "<T as Trait>::f" is whole already. Without v0 mangling's crate disambiguators.
 */
export function rustPath(mod: string, fn: string): string {
  const path = mod && !fn.startsWith(`${mod}::`) && !fn.startsWith("<") ? `${mod}::${fn}` : fn;
  return path.includes("[") ? path.replace(RUST_CRATE_DISAMBIGUATOR, "") : path;
}

/** Rust library code: toolchain and cargo-registry sources, the standard library and common crates, std trait impls on std types. */
export function isRustLibraryCode(path: string, qualifiedName: string): boolean {
  return RUST_LIBRARY_PATH.test(path) || RUST_LIBRARY.test(qualifiedName) || RUST_LIBRARY_IMPL.test(qualifiedName);
}

/** Native library code: system sources, dependencies' sources, runtime and system functions, system binaries. */
export function isNativeLibraryCode(path: string, fn: string, binary: string): boolean {
  return NATIVE_LIBRARY_PATH.test(path) || NATIVE_DEPENDENCY_PATH.test(path) || NATIVE_LIBRARY_FUNCTION.test(fn) || (binary !== "" && isNativeSystemBinary(binary));
}

/** Elixir's standard library and common packages (module roots, with or without the `Elixir.` prefix the SDK's atoms carry). */
const ELIXIR_LIBRARY_MODULE =
  /^(?:Elixir\.)?(?:Kernel|Enum|Enumerable|Stream|Map|MapSet|Keyword|List|Tuple|String|Integer|Float|Access|Agent|Application|Task|GenServer|GenEvent|Supervisor|DynamicSupervisor|Registry|Process|Node|Port|System|Code|Module|Macro|Protocol|Exception|Function|Range|Regex|URI|Base|Path|File|IO|Inspect|Collectable|Calendar|Date|DateTime|NaiveDateTime|Time|Logger|Record|Config|Mix|IEx|EEx|ExUnit|Phoenix|Plug|Ecto|DBConnection|Postgrex|MyXQL|Oban|Absinthe|Broadway|GenStage|Finch|Mint|Tesla|HTTPoison|Req|Jason|Poison|Swoosh|Gettext|Floki|Bandit|ThousandIsland|WebSock|WebSockAdapter|Telemetry|NimblePool|Castore|Sentry)(?:\.|$)/;

/**
 * Elixir library code: dependencies (deps/), the standard library and common packages by module,
 * and Erlang/OTP modules (an atom without the `Elixir.` prefix, or a function written
 * `:proc_lib.init_p_do_apply/3`) whose file has no directory (`proc_lib.erl`: OTP's own).
 */
export function isElixirLibraryCode(path: string, mod: string, fn: string): boolean {
  if (/(?:^|\/)deps\//.test(path)) return true;
  const name = mod || fn;
  const erlang = fn.startsWith(":") || /^[a-z]/.test(name);
  if (erlang) return !path.includes("/");
  return ELIXIR_LIBRARY_MODULE.test(name);
}
