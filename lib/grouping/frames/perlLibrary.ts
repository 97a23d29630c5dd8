/**
 * Perl library code: the core library and CPAN modules wherever they are installed (distribution
 * packages under /usr/share/perl*, /usr/lib/x86_64-linux-gnu/perl*; site_perl and vendor_perl;
 * local::lib's and Carton's `lib/perl5`; perlbrew's, plenv's and Strawberry Perl's perls), and frameworks and common
 * modules by package, for traces that print relative paths.
 */
export function isPerlLibraryCode(path: string, pkg: string): boolean {
  if (path && PERL_LIBRARY_PATH.test(path.toLowerCase())) return true;
  return pkg !== "" && PERL_LIBRARY_PACKAGE.test(pkg);
}

/**
 * A Perl frame's package and sub. Perl SDKs send the sub qualified ("Try::Tiny::try") and, as the
 * module, the package of its caller; a trace read from text gives the sub bare and its own package as
 * the module. The debugger's "__ANON__[lib/X.pm:12]" keeps its bracket (a path may hold "::").
 */
export function perlSub(module: string, fn: string): { pkg: string; name: string } {
  const bracket = fn.indexOf("[");
  const sep = (bracket < 0 ? fn : fn.slice(0, bracket)).lastIndexOf("::");
  return sep > 0 ? { pkg: fn.slice(0, sep), name: fn.slice(sep + 2) } : { pkg: module, name: fn };
}

const PERL_LIBRARY_PATH =
  /^\/usr\/(?:local\/)?(?:share|lib(?:64)?(?:\/[\w-]+-linux-gnu)?)\/perl|(?:^|\/)(?:site_perl|vendor_perl)\/|(?:^|\/)(?:lib\/perl5|perl5\/lib)\/|\/perls\/perl-[\w.-]+\/|\/\.plenv\/versions\/|(?:^|\/)strawberry\/perl\//;

/** Packages (and their sub-packages) of the core library, frameworks, ORMs and exception helpers. */
const PERL_LIBRARY_PACKAGE =
  /^(?:Carp|Exporter|Try::Tiny|TryCatch|Syntax::Keyword::Try|Feature::Compat::Try|Exception::Class|Throwable|Devel::StackTrace|Moose|Class::MOP|Moo|Mouse|Role::Tiny|Method::Generate|Sub::Quote|Sub::Defer|Eval::Closure|Type::Tiny|Types::Standard|Plack|Starman|Starlet|Twiggy|HTTP::Server::PSGI|Mojo|Mojolicious|Dancer2?|Catalyst|CGI|DBI|DBD|DBIx::Class|SQL::Abstract|Template|AnyEvent|IO::Async|Future|LWP|HTTP::Tiny|JSON|JSON::PP|JSON::XS|Cpanel::JSON::XS|Data::Dumper|Scalar::Util|List::Util|POSIX|Storable|Encode|Log::Log4perl|Log::Any|Test::More|Test::Builder|Test2)(?:::|$)/;
