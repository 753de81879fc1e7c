import { z } from 'zod';

/**
 * Imported for its effect, once per process, by the modules every request passes (API responses, middleware,
 * staff forms): zod's own messages ("Too big: expected number to be <=100") become Chinese (数值过大：期望 number <=100),
 * so that an API `invalid_parameter` answer is Chinese even where a schema gives no message of its own.
 * validationError() puts the field's name in front of it.
 */
z.config(z.locales.zhCN());
