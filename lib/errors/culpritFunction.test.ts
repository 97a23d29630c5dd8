import { describe, expect, it } from "vitest";
import { culpritFunction } from "@/lib/errors/culpritFunction";

describe("culpritFunction", () => {
  it(".NET: the method an iterator's or async method's state machine runs, as written", () => {
    expect(culpritFunction("MoveNext", "Acme.Import.CsvReader.<ReadRows>d__4")).toBe("ReadRows");
    expect(culpritFunction("MoveNext", "Acme.Import.CsvReader.<ReadHeaders>d__4")).toBe("ReadHeaders");
    expect(culpritFunction("MoveNext", "Acme.Billing.InvoiceService.<CalculateAsync>d__9")).toBe("CalculateAsync");
    expect(culpritFunction("MoveNextAsync", "Acme.Feed.Reader.<StreamAsync>d__3")).toBe("StreamAsync");
    expect(culpritFunction("MoveNext", "Acme.Jobs.Runner.<>c.<<Start>b__2_0>d")).toBe("lambda in Start");
    expect(culpritFunction("MoveNext", "Acme.Jobs.Runner.<<Run>g__FetchAsync|5_0>d")).toBe("FetchAsync in Run");
    // A MoveNext of a hand-written enumerator is what it says.
    expect(culpritFunction("MoveNext", "Acme.Import.RowEnumerator")).toBe("MoveNext");
  });

  it(".NET: lambdas, closures, local functions and top-level statements", () => {
    expect(culpritFunction("<Run>b__0", "Acme.Jobs.Runner.<>c__DisplayClass5_0")).toBe("lambda in Run");
    expect(culpritFunction("<Get>b__3_0", "Acme.Svc.<>c")).toBe("lambda in Get");
    expect(culpritFunction("<Run>g__Helper|5_1", "Acme.Jobs.Runner")).toBe("Helper in Run");
    expect(culpritFunction("<<Main>$>b__0_1", "Program")).toBe("lambda in Main");
    expect(culpritFunction("<Main>$", "Program")).toBe("Main");
  });

  it("JVM: lambdas and Kotlin coroutines by the function they are written in", () => {
    expect(culpritFunction("lambda$notifyAll$0", "com.acme.shop.mail.Notifier")).toBe("lambda in notifyAll");
    expect(culpritFunction("lambda$static$0", "com.acme.Config")).toBe("lambda in static");
    expect(culpritFunction("checkout$lambda$3", "com.acme.shop.Cart")).toBe("lambda in checkout");
    expect(culpritFunction("checkout$lambda-3", "com.acme.shop.Cart")).toBe("lambda in checkout");
    expect(culpritFunction("invokeSuspend", "com.acme.shop.UserService$load$1")).toBe("load");
    expect(culpritFunction("run", "com.acme.shop.Worker$1")).toBe("run");
    expect(culpritFunction("invoke", "com.acme.shop.Worker$1")).toBe("invoke");
  });

  it("JavaScript: without the async markers, the receiver kept", () => {
    expect(culpritFunction("async OrderRepo.findById")).toBe("OrderRepo.findById");
    expect(culpritFunction("async*load")).toBe("load");
    expect(culpritFunction("new Order")).toBe("new Order");
  });

  it("leaves every other name as it is", () => {
    for (const fn of ["computeInvoice", "block in show", "Ring::pop()", "async Task OrderService.GetAsync(int id)", "<main>", "{closure}", "<lambda>", "<module>"]) {
      expect(culpritFunction(fn, "m"), fn).toBe(fn);
    }
  });
});
