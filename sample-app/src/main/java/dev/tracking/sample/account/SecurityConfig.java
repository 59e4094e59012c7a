package dev.tracking.sample.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic for the API and the actuator; the page, its assets and the health endpoint are public. The API is
 * stateless (no session, no cookie) and its clients (curl, the page's script) send credentials with every request,
 * so CSRF protection is off: a demo simplification that an app used from browsers with remembered credentials
 * should not copy.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String[] PUBLIC_PATHS = {
        "/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**"
    };

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /**
     * The demo users, with their plain-text passwords marked {@code {noop}}. Deliberately a plain
     * {@link UserDetailsService} and not an {@code InMemoryUserDetailsManager}: that one is also a
     * {@code UserDetailsPasswordService}, so Spring Security would re-hash each {@code {noop}} password with bcrypt
     * after its first login, and since the API is stateless every later request would spend ~90 ms of CPU checking
     * a bcrypt hash. The demo passwords are no secret (they are in application.yml); a real app keeps hashed
     * passwords in its user store and a session or token in front of them.
     */
    @Bean
    UserDetailsService users(Accounts accounts) {
        return userName -> accounts.find(userName)
                .map(account -> User.withUsername(userName)
                        .password("{noop}" + account.password())
                        .roles("USER")
                        .build())
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
