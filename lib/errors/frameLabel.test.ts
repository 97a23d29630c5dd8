import { describe, expect, it } from "vitest";
import { frameFunctionLabel } from "@/lib/errors/frameLabel";

describe("frameFunctionLabel", () => {
  it("names the function, an anonymous one in a file, or an unsymbolicated native frame", () => {
    expect(frameFunctionLabel({ function: "render", filename: "app.js" })).toBe("render");
    expect(frameFunctionLabel({ filename: "app.js" })).toBe("<anonymous>");
    expect(frameFunctionLabel({})).toBe("<unknown function>");
  });
});

describe("frameFunctionLabel with the event's language", () => {
  it("qualifies the function by its class or module as JVM, .NET, Elixir, Erlang and Go print it", () => {
    expect(frameFunctionLabel({ module: "com.shop.OrderService", function: "process", filename: "OrderService.java" }, "java")).toBe("com.shop.OrderService.process");
    expect(frameFunctionLabel({ module: "Shop.Api.OrderService", function: "Process", filename: "/src/OrderService.cs" }, "dotnet")).toBe("Shop.Api.OrderService.Process");
    expect(frameFunctionLabel({ module: "MyApp.Orders", function: "create/2", filename: "lib/my_app/orders.ex" }, "elixir")).toBe("MyApp.Orders.create/2");
    expect(frameFunctionLabel({ module: "gen_server", function: "try_dispatch/4", filename: "gen_server.erl" }, "elixir")).toBe("gen_server:try_dispatch/4");
    expect(frameFunctionLabel({ module: "github.com/shop/api/orders", function: "Process", filename: "/app/orders/process.go" }, "go")).toBe("github.com/shop/api/orders.Process");
    expect(frameFunctionLabel({ module: "main", function: "(*Server).handle", filename: "/app/server.go" }, "go")).toBe("main.(*Server).handle");
    expect(frameFunctionLabel({ module: "Shop::Checkout", function: "finish", filename: "lib/Shop/Checkout.pm" }, "perl")).toBe("Shop::Checkout::finish");
    expect(frameFunctionLabel({ module: "Shop::Checkout", function: "Shop::Checkout::finish", filename: "lib/Shop/Checkout.pm" }, "perl")).toBe("Shop::Checkout::finish");
    expect(frameFunctionLabel({ module: "Dune__exe__Main", function: "lookup", filename: "bin/main.ml" }, "ocaml")).toBe("Dune__exe__Main.lookup");
  });

  it("judges by the file's extension when the event's language is unknown", () => {
    expect(frameFunctionLabel({ module: "com.shop.OrderService", function: "process", filename: "OrderService.kt" })).toBe("com.shop.OrderService.process");
    expect(frameFunctionLabel({ module: "loader", function: "Module._load", filename: "node:internal/modules/cjs/loader" })).toBe("Module._load");
  });

  it("leaves the name alone where the runtime prints it alone, or already qualified, or the module is a binary", () => {
    expect(frameFunctionLabel({ module: "loader", function: "Module._load", filename: "node:internal/modules/cjs/loader" }, "javascript")).toBe("Module._load");
    expect(frameFunctionLabel({ module: "shop.views", function: "checkout", filename: "shop/views.py" }, "python")).toBe("checkout");
    expect(frameFunctionLabel({ module: "com.shop.A", function: "com.shop.A.run", filename: "A.java" }, "java")).toBe("com.shop.A.run");
    // sentry-elixir: the module as its atom, the function already qualified.
    expect(frameFunctionLabel({ module: "Elixir.MyApp.X", function: "MyApp.X.fun/2", filename: "lib/my_app/x.ex" }, "elixir")).toBe("MyApp.X.fun/2");
    expect(frameFunctionLabel({ module: "Elixir.MyApp.X", function: "anonymous fn/1 in MyApp.X.f/2", filename: "lib/my_app/x.ex" }, "elixir")).toBe("anonymous fn/1 in MyApp.X.f/2");
    expect(frameFunctionLabel({ module: "gen_server", function: ":gen_server.try_handle_info/3", filename: "gen_server.erl" }, "elixir")).toBe(":gen_server.try_handle_info/3");
    expect(frameFunctionLabel({ module: "Elixir.MyApp.X", function: "fun/2", filename: "lib/my_app/x.ex" }, "elixir")).toBe("MyApp.X.fun/2");
    // sentry-dotnet: the assembly as the module, the class and signature in the function.
    const signature = "async Task<IActionResult> OrdersController.ReserveAsync(Guid orderId, CancellationToken ct)";
    expect(frameFunctionLabel({ module: "Larkspur.Inventory.Api", function: signature }, "dotnet")).toBe(signature);
    expect(frameFunctionLabel({ module: "/usr/lib/libc.so.6", function: "abort" }, "java")).toBe("abort");
    expect(frameFunctionLabel({ module: "com.shop.A", filename: "A.java" }, "java")).toBe("<anonymous>");
    // Julia prints a frame's module apart ("@ Main /app/main.jl:5"), never before its function.
    expect(frameFunctionLabel({ module: "Main", function: "handler(v::Vector{Int64})", filename: "/app/main.jl" }, "julia")).toBe("handler(v::Vector{Int64})");
    expect(frameFunctionLabel({ module: "HTTP.Handlers", function: "handle", filename: "Handlers.jl" })).toBe("handle");
  });
});
