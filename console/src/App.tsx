import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppRoutes } from './AppRoutes';
import { SessionProvider } from './session/SessionContext';
import { ACCESSIBLE_TOKENS } from './theme';

// Dates in antd pickers and dayjs formatting follow Chinese conventions (week starts Monday, 星期一...).
dayjs.locale('zh-cn');

// Noto Sans CJK first after the platform font: it is what Linux desktops in government offices usually have.
const FONT_FAMILY = '-apple-system, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: FONT_FAMILY, ...ACCESSIBLE_TOKENS } }}>
      <AntApp>
        <SessionProvider>
          <AppRoutes />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
