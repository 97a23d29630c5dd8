import { describe, expect, it } from "vitest";
import { normaliseFunction } from "@/lib/grouping/frames/normaliseFunction";
import { demangleFunctionName, demangleSwift } from "@/lib/ingest/swift/demangleSwift";

/**
 * Expected names are worked out from the mangling grammar (docs/ABI/Mangling.rst in the Swift
 * repository) in the simplified form demangleSwift.ts documents. "real" symbols are copied from
 * crash reports and binaries' symbol tables, where Apple's or Swift's tools printed the same names.
 */
const cases = (rows: [string, string][]) => rows;

describe("demangleSwift: functions and argument labels", () => {
  it.each(
    cases([
      ["$s3App12OrderServiceC5placeyyF", "App.OrderService.place()"],
      ["$s3App12OrderServiceC5place5itemsySaySSG_tKF", "App.OrderService.place(items:)"],
      // No label on any parameter: "y" instead of a label list, "_:" per parameter.
      ["$s4main3fooyySiF", "main.foo(_:)"],
      // "A2C": back-reference 2 (App.Order) twice, the result and the first parameter.
      ["$s3App5OrderV5mergeyA2C_ACtF", "App.Order.merge(_:_:)"],
      // real: "05storeA0" is "store" + word a ("Message") — word references, ended by "0".
      ["$s12MessageModel28StorePrefetchedMailOperationC05storeA07contextySo22NSManagedObjectContextC_tF", "MessageModel.StorePrefetchedMailOperation.storeMessage(context:)"],
      ["$s12MessageModel02CdA0C10cdIdentity16pantomimeAddressAA0cE0CSo010CWInternetG0C_tFZ", "static MessageModel.CdMessage.cdIdentity(pantomimeAddress:)"],
      // real: a private method ("33_967C…LL": its file's discriminator, dropped).
      ["$s8RedLemon11SubDLClientC22extractSubtitleFromZip33_967C0EEB1F4E5C162458166133338B4ALL6zipURL6season7episodeSS10Foundation0P0V_SiSgALtKF", "RedLemon.SubDLClient.extractSubtitleFromZip(zipURL:season:episode:)"],
      ["$ss10_HashTableV12previousHole6beforeAB6BucketVAF_tF", "Swift._HashTable.previousHole(before:)"],
      ["$ss018_bridgeAnyObjectToB0yypyXlSgF", "Swift._bridgeAnyObjectToAny(_:)"],
      // A word of an earlier identifier, upper case as the last reference, then a literal part.
      ["$s5MyApp0B8DelegateC11applicationyyF", "MyApp.AppDelegate.application()"],
      ["$s8Checkout0A7ServiceC6submityyF", "Checkout.CheckoutService.submit()"],
      // Punycode: "vergüenza".
      ["$s4main0012vergenza_JFayyF", "main.vergüenza()"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });
});

describe("demangleSwift: properties, subscripts, initialisers", () => {
  it.each(
    cases([
      ["$s4Shop9CartModelV5totalSdvg", "Shop.CartModel.total.getter"],
      // An opaque result type ("some View").
      ["$s4Shop14CheckoutButtonV4bodyQrvg", "Shop.CheckoutButton.body.getter"],
      ["$s4Shop4CartV5itemsSaySSGvs", "Shop.Cart.items.setter"],
      ["$s4Shop4CartV5itemsSaySSGvM", "Shop.Cart.items.modify"],
      ["$s4Shop4CartV5itemsSaySSGvW", "Shop.Cart.items.didset"],
      ["$s4Shop4CartVySSSicig", "Shop.Cart.subscript(_:).getter"],
      ["$s3App7ManagerC6sharedACvgZ", "static App.Manager.shared.getter"],
      ["$s3App6configAA6ConfigVvau", "App.config.unsafeMutableAddressor"],
      ["$s3App5OrderV5itemsSaySSGvpfi", "variable initialization expression of App.Order.items"],
      ["$s3App5OrderV2idACSi_tcfC", "App.Order.init(id:)"],
      ["$s3App7ServiceC4nameACSS_tcfC", "App.Service.__allocating_init(name:)"],
      ["$s3App7ServiceC4nameACSS_tcfc", "App.Service.init(name:)"],
      ["$s3App12OrderServiceCfD", "App.OrderService.__deallocating_deinit"],
      ["$s3App12OrderServiceCfd", "App.OrderService.deinit"],
      ["$s3App3fooyySi_SitFfA0_", "default argument 1 of App.foo(_:_:)"],
      // real
      ["$sSS14validatingUTF8SSSgSPys4Int8VG_tcfC", "Swift.String.init(validatingUTF8:)"],
      ["$sSS11utf8CStrings15ContiguousArrayVys4Int8VGvg", "Swift.String.utf8CString.getter"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });
});

describe("demangleSwift: closures and local functions", () => {
  it.each(
    cases([
      [
        "$s3App11AppDelegateC11application_29didFinishLaunchingWithOptionsSbSo13UIApplicationC_SDySo0j6LaunchI3KeyaypGSgtFyycfU_",
        "closure #1 in App.AppDelegate.application(_:didFinishLaunchingWithOptions:)",
      ],
      ["$s3App12OrderServiceC5placeyyFyycfU_", "closure #1 in App.OrderService.place()"],
      ["$s3App12OrderServiceC5placeyyFyycfU0_", "closure #2 in App.OrderService.place()"],
      ["$s3App12OrderServiceC5placeyyFyycfu_", "implicit closure #1 in App.OrderService.place()"],
      ["$s3App12OrderServiceC5placeyyFyycfU_yycfU0_", "closure #2 in closure #1 in App.OrderService.place()"],
      ["$s4Shop4CartV5totalSdvgSdSiXEfU_", "closure #1 in Shop.Cart.total.getter"],
      ["$s3App3runyyF6helperL_yyF", "helper #1() in App.run()"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });
});

describe("demangleSwift: generics, extensions, operators", () => {
  it.each(
    cases([
      ["$s4main3foo1xyx_tlF", "main.foo(x:)"],
      // <A where A: Equatable>: the requirement is read and left out.
      ["$s4main3foo1xyx_tSQRzlF", "main.foo(x:)"],
      ["$s3App5StoreC4save5itemsySayAA4ItemVG_tF", "App.Store.save(items:)"],
      ["$s3App3BoxV3getxyF", "App.Box.get()"],
      ["$sSa6appendyyxnF", "Swift.Array.append(_:)"],
      ["$sSD11removeValue6forKeyq_Sgx_tF", "Swift.Dictionary.removeValue(forKey:)"],
      // An extension in its type's own module is the type's; in another it keeps its module.
      ["$s7SwiftUI4ViewPAAE7paddingyQrAA4EdgeO3SetV_12CoreGraphics7CGFloatVSgtF", "SwiftUI.View.padding(_:_:)"],
      ["$sSS3AppE5shoutSSyF", "(extension in App):Swift.String.shout()"],
      // real
      ["$sSo22NSManagedObjectContextC12MessageModelE16saveAndLogErrorsyyF", "(extension in MessageModel):__C.NSManagedObjectContext.saveAndLogErrors()"],
      ["$sSS10FoundationE8EncodingV4utf8ACvgZ", "static (extension in Foundation):Swift.String.Encoding.utf8.getter"],
      ["$sSS10FoundationE4data8encodingSSSgAA4DataVh_SSAAE8EncodingVtcfC", "(extension in Foundation):Swift.String.init(data:encoding:)"],
      ["$sSo13os_log_type_ta0A0E5faultABvgZ", "static (extension in os):__C.os_log_type_t.fault.getter"],
      ["$s3App5MoneyV1poiyA2C_ACtFZ", "static App.Money.+ infix(_:_:)"],
      ["$sSQ2eeoiySbx_xtFZTq", "method descriptor for static Swift.Equatable.== infix(_:_:)"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });

  it("reads back-references past the 26th (A_, A0_, A1_)", () => {
    const structs = (n: number) => Array.from({ length: n }, (_, i) => `${`T${i}`.length}T${i}V`).join("");
    const path = (n: number) => ["M", ...Array.from({ length: n }, (_, i) => `T${i}`)].join(".");
    // M is back-reference 0; struct i's name 1 + 2i, the struct 2 + 2i: T12 is the 26th, "A_".
    expect(demangleSwift(`$s1M${structs(13)}3runA_yF`)).toBe(`${path(13)}.run()`);
    expect(demangleSwift(`$s1M${structs(14)}A0_yyF`)).toBe(`${path(14)}.T13()`);
    expect(demangleSwift(`$s1M${structs(14)}3runA1_yF`)).toBe(`${path(14)}.run()`);
    expect(demangleSwift(`$s1M${structs(13)}3runA0_yF`)).toBeNull(); // 27 is "run", not a type
  });
});

describe("demangleSwift: thunks, partial applications, specialisations, async", () => {
  it.each(
    cases([
      ["$s3App12OrderServiceC5placeyyFTA", "partial apply for App.OrderService.place()"],
      ["$s3App12OrderServiceC5placeyyFTm", "merged App.OrderService.place()"],
      ["$s3App14ViewControllerC11viewDidLoadyyFTo", "@objc App.ViewController.viewDidLoad()"],
      ["$s3App12OrderServiceC4loadyyYaKFTQ0_", "await resumption partial function for App.OrderService.load()"],
      ["$s3App12OrderServiceC4loadyyYaKFTY1_", "suspend resumption partial function for App.OrderService.load()"],
      ["$s3App5StoreC4loadxylFSi_Tg5", "specialized App.Store.load()"],
      ["$s3App5StoreC4loadxylFSi_Tg5TA", "partial apply for specialized App.Store.load()"],
      ["$s3App12OrderServiceC5place5itemsySaySSG_tFTf4n_g", "specialized App.OrderService.place(items:)"],
      ["$s3App12OrderServiceC5placeyyF.cold.1", "App.OrderService.place()"],
      ["$sIeg_IeyB_TR", "reabstraction thunk helper"],
      ["$sSo8NSStringCIeyBy_SSIegg_TR", "reabstraction thunk helper"],
      ["$s3App5OrderVAA8ShowableAAAaDP4showyyFTW", "protocol witness for App.Showable.show() in conformance App.Order"],
      // real (a crash report's frames, a macOS app's async stack)
      ["$s12MessageModel28StorePrefetchedMailOperationC4mainyyFyycfU_TA", "partial apply for closure #1 in MessageModel.StorePrefetchedMailOperation.main()"],
      ["$s10Foundation11JSONEncoderC6encodeyAA4DataVxKSERzlFTj", "dispatch thunk of Foundation.JSONEncoder.encode(_:)"],
      ["$s5Vapor19AsyncBasicResponderVAA0bD0A2aDP7respond2toAA8ResponseCAA7RequestC_tYaKFTWTQ0_", "await resumption partial function for protocol witness for Vapor.AsyncResponder.respond(to:) in conformance Vapor.AsyncBasicResponder"],
      [
        "$s5Vapor13RoutesBuilderPAAE2on__4body3useAA5RouteC8NIOHTTP110HTTPMethodO_Say10RoutingKit13PathComponentOGAA22HTTPBodyStreamStrategyOqd__AA7RequestCYaKctAA22AsyncResponseEncodableRd__lFAA0S0CASYaYbKcfU_TATQ0_",
        "await resumption partial function for partial apply for closure #1 in Vapor.RoutesBuilder.on(_:_:body:use:)",
      ],
      ["$s8RedLemon11SubDLClientC8download0E4Path6offset6season7episodeS2S_S2iSgAItYaKFTY2_", "suspend resumption partial function for RedLemon.SubDLClient.download(downloadPath:offset:season:episode:)"],
      ["$sxIeghHr_xs5Error_pIegHrzo_s8SendableRzs5NeverORs_r0_lTRTATQ0_", "await resumption partial function for partial apply for reabstraction thunk helper"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });
});

describe("demangleSwift: metadata, witnesses, outlined value operations", () => {
  it.each(
    cases([
      ["$s3App12OrderServiceCMa", "type metadata accessor for App.OrderService"],
      ["$s3App5OrderVN", "type metadata for App.Order"],
      ["$s3App5OrderVMn", "nominal type descriptor for App.Order"],
      ["$s3App5OrderVSgWOy", "outlined copy of App.Order?"],
      ["$sSDySSypGWOh", "outlined destroy of [Swift.String : Any]"],
      ["$s3App5OrderV4ItemVy_SiGWOy", "outlined copy of App.Order.Item<Swift.Int>"],
      ["$s3App5OrderVwxx", "destroy value witness for App.Order"],
      ["$s3App5OrderVACSeAAWl", "lazy protocol witness table accessor for type App.Order and conformance App.Order : Swift.Decodable"],
      ["$s3App7ManagerC6shared_WZ", "one-time initialization function for App.Manager.shared"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });

  it("prints types shared through back-references, and gives up on ones that double at every level", () => {
    // [T : T], then [[T : T] : [T : T]]: each dictionary refers back to the previous one twice.
    // M is back-reference 0, T 1, the struct M.T 2, the innermost dictionary 3, the next 4…: each
    // dictionary's value is the back-reference to its key, the dictionary inside it.
    const nested = (levels: number) => {
      let inner = "1M1TVACG";
      for (let level = 2; level <= levels; level++) inner += `A${String.fromCharCode(66 + level)}G`;
      return `$s${"SDy".repeat(levels)}${inner}WOy`;
    };
    expect(demangleSwift(nested(1))).toBe("outlined copy of [M.T : M.T]");
    expect(demangleSwift(nested(2))).toBe("outlined copy of [[M.T : M.T] : [M.T : M.T]]");
    expect(demangleSwift(nested(23))).toBeNull(); // 8 million leaves: over the limits
  });
});

describe("demangleSwift: older manglings and prefixes", () => {
  it.each(
    cases([
      ["_$s3App12OrderServiceC5placeyyF", "App.OrderService.place()"],
      ["$S3App12OrderServiceC5placeyyF", "App.OrderService.place()"],
      ["$e3App12OrderServiceC5placeyyF", "App.OrderService.place()"],
      ["_T03App12OrderServiceC5placeyyF", "App.OrderService.place()"],
      // Swift 4.0: labels are the parameter tuple's; variables' accessors follow "f".
      ["_T04main3fooySi1x_tF", "main.foo(x:)"],
      ["_T0SS10FoundationE8EncodingV4utf8ACfau", "(extension in Foundation):Swift.String.Encoding.utf8.unsafeMutableAddressor"],
      // real (Swift 4.2)
      ["$S10HighlightrAAC9highlight_2as10fastRenderSo18NSAttributedStringCSgSS_SSSgSbtFyycfU_TA", "partial apply for closure #1 in Highlightr.Highlightr.highlight(_:as:fastRender:)"],
    ]),
  )("%s", (symbol, name) => {
    expect(demangleSwift(symbol)).toBe(name);
  });
});

describe("demangleSwift: not Swift, or not understood", () => {
  it.each([
    ["a C function", "main"],
    ["a C++ symbol", "_ZN3foo3barEv"],
    ["an Objective-C method", "-[NSObject foo]"],
    ["a demangled name", "App.OrderService.place()"],
    ["a Swift 3 symbol", "_TFC3foo3Bar3bazfT_T_"],
    ["a prefix alone", "$s"],
    ["an identifier alone", "$s3App"],
    ["a type alone", "$sSi"],
    ["trailing operators", "$s3App12OrderServiceC5placeyyFQQ"],
    ["an identifier longer than the symbol", "$s99App"],
    ["a symbolic reference", "$s\u0001\u0002\u0003\u0004C"],
    ["a base conformance descriptor (not read)", "$sSHSQTb"],
    ["JavaScript names", "$scope"],
    ["more JavaScript", "$super"],
    ["junk", "$s!@#%^&*()"],
    ["empty", ""],
    ["whitespace", "   "],
  ])("%s", (_name, text) => {
    expect(demangleSwift(text)).toBeNull();
  });

  it("is not fooled by non-strings", () => {
    expect(demangleSwift(undefined as unknown as string)).toBeNull();
    expect(demangleSwift(42 as unknown as string)).toBeNull();
  });
});

describe("demangleSwift: hostile input", () => {
  /** Far above what these take (well under 10 ms each): load cannot fail them, a runaway loop would. */
  const BUDGET_MS = 2_000;
  const timed = (text: string) => {
    const start = performance.now();
    const out = demangleSwift(text);
    return { out, ms: performance.now() - start };
  };

  it.each([
    ["generic arguments nested 600 deep", `$s1M1fyy${"Say".repeat(600)}Si${"G".repeat(600)}F`],
    ["closures nested 650 deep", `$s1M1fyyF${"yycfU_".repeat(650)}`],
    ["local names nested 1500 deep", `$s1M1f${"L_".repeat(1500)}yyF`],
    ["word references expanding past any real identifier", `$s10abcdefghij1x0${"a".repeat(3000)}A0yyF`],
    ["a 4000-digit length", `$s${"9".repeat(4000)}`],
    ["an identifier running off the end", `$s4000${"a".repeat(4000)}`],
    ["repeated back-references", `$s1M1TV${"A64C".repeat(100)}yyF`],
    ["repeated standard types", `$s${"S64i".repeat(300)}`],
    ["a 1300-element tuple", `$s1M1fyy${"Si_".repeat(1300)}tF`],
    ["punycode with huge deltas", `$s1M003990_${"J".repeat(3990)}yyF`],
    ["a symbol over the length limit", `$s1M1f${"1a".repeat(3000)}yyF`],
  ])("%s", (_name, text) => {
    const { out, ms } = timed(text);
    expect(out === null || out.length <= 1024).toBe(true);
    expect(ms).toBeLessThan(BUDGET_MS);
  });

  it("never throws and stays within 1024 characters on random operator soup", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const alphabet = "0123456789_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz$";
    const start = performance.now();
    for (let i = 0; i < 5_000; i++) {
      let text = i % 2 === 0 ? "$s" : "_T0";
      const length = 1 + Math.floor(random() * 80);
      for (let j = 0; j < length; j++) text += alphabet[Math.floor(random() * alphabet.length)];
      const out = demangleSwift(text);
      expect(out === null || (typeof out === "string" && out.length <= 1024)).toBe(true);
    }
    expect(performance.now() - start).toBeLessThan(15_000);
  });
});

describe("demangleFunctionName", () => {
  it("replaces a mangled Swift symbol and leaves every other name as it is", () => {
    expect(demangleFunctionName("$s3App12OrderServiceC5placeyyF")).toBe("App.OrderService.place()");
    expect(demangleFunctionName(" $s3App12OrderServiceC5placeyyF ")).toBe("App.OrderService.place()");
    for (const name of ["main", "-[UIApplication sendEvent:]", "<redacted>", "$scope", "$s3App", "Parser::parse(std::string const&)"]) {
      expect(demangleFunctionName(name)).toBe(name);
    }
  });
});

describe("demangled names as grouping reads them", () => {
  const key = (symbol: string) => normaliseFunction(demangleSwift(symbol) ?? symbol, "App", "native").name;

  it("keys one function the same whatever its parameter types, and two functions apart", () => {
    const strings = "$s3App12OrderServiceC5place5itemsySaySSG_tKF";
    const items = "$s3App12OrderServiceC5place5itemsySayAA4ItemVG_tKF"; // items: [String] became [Item]
    expect(demangleSwift(items)).toBe("App.OrderService.place(items:)");
    expect(key(items)).toBe(key(strings));
    expect(key(strings)).not.toBe(key("$s3App12OrderServiceC6cancel5itemsySaySSG_tKF"));
    expect(key("$s3App12OrderServiceC5placeyyF")).not.toBe(key("$s3App14BillingServiceC5placeyyF"));
  });

  it("names each closure by its number in the stored name", () => {
    expect(demangleSwift("$s3App12OrderServiceC5placeyyFyycfU_")).not.toBe(demangleSwift("$s3App12OrderServiceC5placeyyFyycfU0_"));
  });
});
