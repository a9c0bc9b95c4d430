import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router-dom";
import { App } from "./App";
import { I18nProvider } from "./i18n";
import { SessionProvider } from "./auth/session";
import { LookupsProvider } from "./api/lookups";
import { UnreadProvider } from "./notifications/unread";
import "./styles.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider>
      <BrowserRouter>
        <SessionProvider>
          <UnreadProvider>
            <LookupsProvider>
              <App />
            </LookupsProvider>
          </UnreadProvider>
        </SessionProvider>
      </BrowserRouter>
    </I18nProvider>
  </StrictMode>,
);
